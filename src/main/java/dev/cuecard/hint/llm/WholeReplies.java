package dev.cuecard.hint.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEventParsingHandle;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Some OpenAI-compatible servers and proxies answer a {@code "stream": true} request with one whole
 * chat completion as {@code application/json} instead of an event stream. The streaming client would
 * find no event in it and report an unreadable reply; this HTTP client (around the real one) reads
 * such a body as the stream it stands for — one chunk with the whole message, its usage, then the
 * end — so hints, reviews and follow-ups take it as the whole answer. Event streams pass untouched.
 */
final class WholeReplies implements HttpClient {
    private static final Logger LOG = LoggerFactory.getLogger(WholeReplies.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A whole reply longer than this is not read (a hint or a review is a few thousand characters). */
    static final int MAX_BODY_BYTES = 4 * RetryingChat.MAX_REPLY_CHARS;

    private final HttpClient http;

    private WholeReplies(HttpClient http) {
        this.http = http;
    }

    /** A builder of the real client's builder, building it wrapped. */
    static HttpClientBuilder around(HttpClientBuilder real) {
        return new HttpClientBuilder() {
            @Override
            public Duration connectTimeout() {
                return real.connectTimeout();
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration timeout) {
                real.connectTimeout(timeout);
                return this;
            }

            @Override
            public Duration readTimeout() {
                return real.readTimeout();
            }

            @Override
            public HttpClientBuilder readTimeout(Duration timeout) {
                real.readTimeout(timeout);
                return this;
            }

            @Override
            public HttpClient build() {
                return new WholeReplies(real.build());
            }
        };
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        return http.execute(request);
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        // the response's headers arrive (onOpen) before its body is parsed, on the same thread
        boolean[] whole = new boolean[1];
        ServerSentEventListener opened = new ServerSentEventListener() {
            @Override
            public void onOpen(SuccessfulHttpResponse response) {
                whole[0] = isJson(response.headers().entrySet().stream()
                        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase("content-type"))
                        .flatMap(e -> e.getValue().stream()).findFirst().orElse(null));
                listener.onOpen(response);
            }

            @Override
            public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
                listener.onEvent(event, context);
            }

            @Override
            public void onEvent(ServerSentEvent event) {
                listener.onEvent(event);
            }

            @Override
            public void onError(Throwable error) {
                listener.onError(error);
            }

            @Override
            public void onClose() {
                listener.onClose();
            }
        };
        http.execute(request, (in, l) -> {
            if (whole[0]) {
                readWhole(in, l);
            } else {
                parser.parse(in, l);
            }
        }, opened);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.contains("json") && !type.contains("event-stream");
    }

    /** The body as the events of a stream: one chunk with the whole message and its usage, then the end. */
    private static void readWhole(InputStream in, ServerSentEventListener listener) {
        Handle handle = new Handle();
        ServerSentEventContext context = new ServerSentEventContext(handle);
        String chunk;
        try {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                listener.onError(new IOException("the whole JSON reply is longer than " + MAX_BODY_BYTES + " bytes"));
                return;
            }
            chunk = asChunk(JSON.readTree(body));
        } catch (IOException | RuntimeException e) {
            listener.onError(e);
            return;
        }
        LOG.info("the LLM endpoint answered the streamed request with one whole JSON reply; read as the answer");
        listener.onEvent(new ServerSentEvent(null, chunk), context);
        if (!handle.isCancelled()) {
            listener.onEvent(new ServerSentEvent(null, "[DONE]"), context);
        }
    }

    /**
     * A chat completion ({@code choices[].message}) as a chat completion chunk ({@code choices[].delta});
     * anything else (an error object) is passed on as it is, for the client to judge.
     */
    static String asChunk(JsonNode reply) throws IOException {
        if (!(reply instanceof ObjectNode n) || !(n.get("choices") instanceof ArrayNode choices)) {
            return JSON.writeValueAsString(reply);
        }
        n.put("object", "chat.completion.chunk");
        for (JsonNode c : choices) {
            if (c instanceof ObjectNode choice && choice.has("message") && !choice.has("delta")) {
                choice.set("delta", choice.remove("message"));
            }
        }
        return JSON.writeValueAsString(n);
    }

    private static final class Handle implements ServerSentEventParsingHandle {
        private volatile boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
