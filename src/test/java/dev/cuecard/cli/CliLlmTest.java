package dev.cuecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuecard.testing.FakeOpenAiServer;
import dev.cuecard.testing.SpeechFixtures;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI with an LLM endpoint configured through the environment (a local fake server). */
class CliLlmTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "sk-cli-test-key-0123456789";
    static final String QUESTION = "how would you add a cache in front of a slow database";
    static final String REPLY = "{\"title\":\"Cache-aside\",\"gist\":\"Cache-aside in Redis with a TTL\","
            + "\"structure\":[\"Clarify\",\"Cache-aside\",\"Invalidate\"],\"keyPoints\":[\"Staleness\"],"
            + "\"numbers\":[],\"pitfalls\":[],\"followUps\":[]}";

    @TempDir
    Path home;
    private FakeOpenAiServer server;

    record Run(int exit, String out, String err) {
        List<JsonNode> jsonLines() throws Exception {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
            return nodes;
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Map<String, String> env(boolean withEndpoint) {
        Map<String, String> env = new HashMap<>();
        env.put("CUECARD_HOME", home.toString());
        env.put("CUECARD_LLM_API_KEY", KEY);
        if (withEndpoint) {
            env.put("CUECARD_LLM_BASE_URL", server.baseUrl().toString());
            env.put("CUECARD_LLM_MODEL", "fake-model");
        }
        return env;
    }

    private Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0]), env).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void hintUsesTheLlmWhenConfiguredInTheSameJsonShape() throws Exception {
        server = new FakeOpenAiServer(FakeOpenAiServer.hintStream(REPLY, 10, Duration.ZERO, Duration.ZERO));
        Run llm = run(env(true), "hint", "--json", QUESTION);
        Run offline = run(env(true), "hint", "--json", "--offline", QUESTION);
        assertThat(llm.exit()).as(llm.err()).isZero();
        assertThat(llm.err()).isEmpty();
        JsonNode drafted = llm.jsonLines().get(0);
        JsonNode template = offline.jsonLines().get(0);
        assertThat(drafted.get("source").asText()).isEqualTo("llm");
        assertThat(drafted.get("gist").asText()).isEqualTo("Cache-aside in Redis with a TTL");
        assertThat(drafted.get("category").asText()).isEqualTo(template.get("category").asText());
        assertThat(template.get("source").asText()).isEqualTo("template");
        assertThat(fields(drafted)).isEqualTo(fields(template));
        assertThat(server.received()).hasSize(1); // --offline sent nothing
    }

    @Test
    void hintReadsAServerThatAnswersTheStreamedRequestWithOneWholeJsonReply() throws Exception {
        // an OpenAI-compatible proxy that ignores "stream": true (Content-Type: application/json)
        server = new FakeOpenAiServer(new FakeOpenAiServer.Whole(REPLY, 200, 50));
        Run r = run(env(true), "hint", "--json", QUESTION);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).as("not an unreadable reply").isEmpty();
        JsonNode drafted = r.jsonLines().get(0);
        assertThat(drafted.get("source").asText()).isEqualTo("llm");
        assertThat(drafted.get("gist").asText()).isEqualTo("Cache-aside in Redis with a TTL");
        assertThat(drafted.has("status")).isFalse();
    }

    @Test
    void aFailingLlmPrintsOneStatusLineAndStillTheTemplateHint() throws Exception {
        server = new FakeOpenAiServer(new FakeOpenAiServer.Error(401, "Incorrect API key provided: " + KEY));
        Run r = run(env(true), "hint", "--json", QUESTION);
        assertThat(r.exit()).isZero();
        assertThat(r.err().strip().lines()).containsExactly(
                "cuecard: warning: API key rejected (HTTP 401); showing the template hint");
        assertThat(r.jsonLines().get(0).get("source").asText()).isEqualTo("template");
        assertThat(r.jsonLines().get(0).get("status").asText()).isEqualTo("llm_failed: API key rejected (HTTP 401)");
        assertThat(r.out() + r.err()).doesNotContain(KEY);
    }

    @Test
    void aStoredSessionNamesTheLlmItsQuestionsWereSentToEvenWhenEveryDraftFailed() throws Exception {
        server = new FakeOpenAiServer(new FakeOpenAiServer.Error(401, "Incorrect API key provided: " + KEY));
        Run r = run(env(true), "replay", "--json", "--speed", "max", SpeechFixtures.wav("design-slt").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(indexOf(r.jsonLines(), "sent", false)).as("text was sent").isNotNegative();
        Run export = run(env(false), "debrief", "export", "1");
        assertThat(export.exit()).as(export.err()).isZero();
        String destination = server.baseUrl().getHost() + ":" + server.baseUrl().getPort();
        assertThat(export.out()).contains("| LLM | fake-model at " + destination).doesNotContain("none (template hints)")
                .doesNotContain(KEY);
    }

    @Test
    void anLlmThatIsConfiguredButCannotBeUsedSaysWhyInTheJsonToo() throws Exception {
        Map<String, String> env = env(false);
        env.put("CUECARD_LLM_BASE_URL", "not a url");
        Run r = run(env, "hint", "--json", QUESTION);
        assertThat(r.exit()).isZero();
        assertThat(r.err().strip().lines()).singleElement().asString().contains("the LLM is off for this run");
        JsonNode hint = r.jsonLines().get(0);
        assertThat(hint.get("source").asText()).isEqualTo("template");
        assertThat(hint.get("status").asText()).startsWith("llm_off: ");
    }

    @Test
    void withoutABaseUrlThereIsNoLlmEvenWithAKeyInTheEnvironment() throws Exception {
        Run r = run(env(false), "hint", "--json", QUESTION);
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.jsonLines().get(0).get("source").asText()).isEqualTo("template");
    }

    @Test
    void replayStreamsHintUpdatesAfterTheTemplateHint() throws Exception {
        server = new FakeOpenAiServer(FakeOpenAiServer.hintStream(REPLY, 6, Duration.ofMillis(50), Duration.ofMillis(5)));
        Run r = run(env(true), "replay", "--json", "--speed", "max", SpeechFixtures.wav("design-slt").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> events = r.jsonLines();
        assertThat(events).allMatch(e -> e.has("type") && e.has("atMs"));
        int hint = indexOf(events, "hint", false);
        int sent = indexOf(events, "sent", false);
        int firstUpdate = indexOf(events, "hint_update", false);
        int complete = indexOf(events, "hint_update", true);
        assertThat(hint).isNotNegative();
        assertThat(sent).isGreaterThan(hint);
        assertThat(firstUpdate).isGreaterThan(sent);
        assertThat(complete).isGreaterThanOrEqualTo(firstUpdate);
        JsonNode done = events.get(complete);
        assertThat(done.get("source").asText()).isEqualTo("llm");
        assertThat(done.get("questionId").asInt()).isEqualTo(events.get(hint).get("questionId").asInt());
        assertThat(done.get("usage").get("inputTokens").asInt()).isEqualTo(321);
        assertThat(events.get(sent).get("offMachine").asBoolean()).isFalse();
        // the card is decided while the interviewer is still speaking ("design a service that sends…"),
        // but the LLM is asked the whole question, once its utterance has ended
        JsonNode decided = events.get(indexOf(events, "question", false));
        assertThat(decided.get("early").asBoolean()).isTrue();
        int heard = indexOf(events, "question_heard", false);
        assertThat(heard).isGreaterThan(indexOf(events, "question", false)).isLessThan(sent);
        String whole = events.get(heard).get("text").asText();
        assertThat(events.get(heard).get("questionId").asInt()).isEqualTo(decided.get("id").asInt());
        assertThat(whole).startsWith("design a service").hasSizeGreaterThan(decided.get("text").asText().length());
        assertThat(server.received().get(0).message("user")).contains("\"" + whole + "\"");
        long last = -1;
        for (JsonNode e : events) {
            if (e.path("channel").asText().equals("them")) {
                assertThat(e.get("atMs").asLong()).as(e.toString()).isGreaterThanOrEqualTo(last);
                last = e.get("atMs").asLong();
            }
        }
    }

    private static int indexOf(List<JsonNode> events, String type, boolean complete) {
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            if (e.get("type").asText().equals(type) && (!complete || e.path("complete").asBoolean())) {
                return i;
            }
        }
        return -1;
    }
}
