package dev.cuecard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cuecard.pipeline.NamedThreadFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 speaking OpenAI chat completions with SSE streaming, scripted
 * reply by reply, recording what it received. Replies are taken in order; the last one repeats.
 */
public final class FakeOpenAiServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One scripted reply. */
    public sealed interface Reply {
    }

    /** A 200 SSE stream of content chunks: the first after {@code firstToken}, then every {@code between}. */
    public record Stream(List<String> chunks, Duration firstToken, Duration between, int promptTokens,
                         int completionTokens) implements Reply {
    }

    /** An HTTP error with a JSON body like OpenAI's. */
    public record Error(int status, String message) implements Reply {
    }

    /** A 200 event stream with arbitrary bytes in it. */
    public record Raw(String body) implements Reply {
    }

    /**
     * One whole chat completion as {@code application/json}, whatever the request asked (some
     * OpenAI-compatible proxies answer {@code "stream": true} this way).
     */
    public record Whole(String content, int promptTokens, int completionTokens) implements Reply {
    }

    /** What the server received. */
    public record Received(String path, Map<String, List<String>> headers, String body, long atNanos) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String message(String role) {
            for (JsonNode m : json().get("messages")) {
                if (m.get("role").asText().equals(role)) {
                    return m.get("content").asText();
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(new NamedThreadFactory("fake-llm"));
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private volatile Reply last;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Received> arrivals = new LinkedBlockingQueue<>();
    private final List<long[]> tokenTimes = new CopyOnWriteArrayList<>();

    public FakeOpenAiServer(Reply... replies) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        then(replies);
        server.start();
    }

    /** Appends replies to the script. */
    public FakeOpenAiServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Per streamed reply: {System.nanoTime() when the first token was written, when the last one was}. */
    public List<long[]> tokenTimes() {
        return List.copyOf(tokenTimes);
    }

    /** Waits for the next request to arrive (for ordering steps in a test). */
    public Received awaitRequest(Duration max) throws InterruptedException {
        return arrivals.poll(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A hint as the model would write it, cut into chunks of about {@code size} characters. */
    public static Stream hintStream(String json, int size, Duration firstToken, Duration between) {
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < json.length(); i += size) {
            chunks.add(json.substring(i, Math.min(json.length(), i + size)));
        }
        return new Stream(chunks, firstToken, between, 321, chunks.size());
    }

    private Reply next() {
        Reply r = script.poll();
        if (r != null) {
            last = r;
            return r;
        }
        return last;
    }

    private void handle(HttpExchange ex) throws IOException {
        Received r = new Received(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()),
                new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), System.nanoTime());
        received.add(r);
        arrivals.add(r);
        Reply reply = next();
        try (ex) {
            if (reply instanceof Error e) {
                byte[] body = ("{\"error\":{\"message\":" + JSON.writeValueAsString(e.message())
                        + ",\"type\":\"error\",\"code\":null}}").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(e.status(), body.length);
                ex.getResponseBody().write(body);
            } else if (reply instanceof Raw raw) {
                ex.getResponseHeaders().add("Content-Type", "text/event-stream");
                ex.sendResponseHeaders(200, 0);
                ex.getResponseBody().write(raw.body().getBytes(StandardCharsets.UTF_8));
            } else if (reply instanceof Stream s) {
                stream(ex, s);
            } else if (reply instanceof Whole w) {
                ObjectNode n = JSON.createObjectNode();
                n.put("id", "chatcmpl-fake").put("object", "chat.completion").put("created", 1).put("model", "fake");
                ObjectNode choice = n.putArray("choices").addObject();
                choice.put("index", 0);
                choice.putObject("message").put("role", "assistant").put("content", w.content());
                choice.put("finish_reason", "stop");
                n.putObject("usage").put("prompt_tokens", w.promptTokens()).put("completion_tokens", w.completionTokens())
                        .put("total_tokens", w.promptTokens() + w.completionTokens());
                byte[] body = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
                ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        } catch (IOException | InterruptedException gone) {
            // the client hung up (cancelled or timed out): that is what some tests want
        }
    }

    private void stream(HttpExchange ex, Stream s) throws IOException, InterruptedException {
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        event(out, delta(JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
        Thread.sleep(s.firstToken().toMillis());
        long[] times = new long[2];
        for (int i = 0; i < s.chunks().size(); i++) {
            if (i > 0 && !s.between().isZero()) {
                Thread.sleep(s.between().toMillis());
            }
            event(out, delta(JSON.createObjectNode().put("content", s.chunks().get(i)), null));
            times[i == 0 ? 0 : 1] = System.nanoTime();
        }
        tokenTimes.add(times);
        event(out, delta(JSON.createObjectNode(), "stop"));
        ObjectNode usage = JSON.createObjectNode();
        usage.put("id", "chatcmpl-fake").put("object", "chat.completion.chunk").put("created", 1).put("model", "fake");
        usage.putArray("choices");
        usage.putObject("usage").put("prompt_tokens", s.promptTokens()).put("completion_tokens", s.completionTokens())
                .put("total_tokens", s.promptTokens() + s.completionTokens());
        event(out, JSON.writeValueAsString(usage));
        event(out, "[DONE]");
    }

    private static String delta(ObjectNode delta, String finish) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", "chatcmpl-fake").put("object", "chat.completion.chunk").put("created", 1).put("model", "fake");
        ObjectNode choice = n.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return JSON.writeValueAsString(n);
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow(); // wakes handlers sleeping before a token
    }
}
