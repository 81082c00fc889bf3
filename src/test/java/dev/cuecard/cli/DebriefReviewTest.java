package dev.cuecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuecard.testing.FakeOpenAiServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code debrief review}: an LLM's written review of a stored session's answers, over real HTTP. */
class DebriefReviewTest {
    static final String REVIEW = "{\"summary\":\"Good start, no numbers.\",\"strengths\":[\"Token bucket named\"],"
            + "\"improvements\":[\"Say the limit per client\"],\"followUp\":\"What if Redis is down?\"}";

    record Run(int exit, String out, String err) {
    }

    static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0]), env).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void storedQuestionAndAnswerWithControlCharactersArePrintedEscapedOnTheirOwnLine(@TempDir Path home) throws Exception {
        Path demo = Path.of(DebriefReviewTest.class.getResource("/dev/cuecard/demo/demo-them.wav").toURI()).getParent();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("CUECARD_HOME", home.toString());
        env.remove("CUECARD_LLM_BASE_URL");
        Run replay = run(env, "replay", "--speed", "max", "--offline",
                demo.resolve("demo-them.wav").toString(), "--me", demo.resolve("demo-me.wav").toString());
        assertThat(replay.exit()).as(replay.err()).isZero();
        // a screen-clearing sequence, a bare CR and a line feed stored in the question and in the answer
        String escaped = "\\e[2J\\r\\nQ9. injected";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve("cuecard.db"));
             java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE questions SET text = text || char(27) || '[2J' || char(13) || char(10) || 'Q9. injected'");
            st.executeUpdate("UPDATE utterances SET text = text || char(27) || '[2J' || char(13) || char(10) || 'Q9. injected'"
                    + " WHERE channel = 'me'");
        }
        try (FakeOpenAiServer server = new FakeOpenAiServer(FakeOpenAiServer.hintStream(REVIEW, 20, Duration.ZERO,
                Duration.ZERO))) {
            env.put("CUECARD_LLM_BASE_URL", server.baseUrl().toString());
            env.put("CUECARD_LLM_MODEL", "fake-model");
            Run text = run(env, "debrief", "review", "1");
            assertThat(text.exit()).as(text.err()).isZero();
            assertThat(text.out()).doesNotContain("\u001b", "\r").contains("Q1. ", "you said: ", escaped);
            assertThat(text.out().lines().filter(l -> !l.isBlank()))
                    .as("each line is a question or indented under one").allMatch(l -> l.matches("Q[1-3]\\. .*|  .*"));
        }
    }

    @Test
    void eachAnsweredQuestionGetsAReviewOrAStatusAndNoLlmIsAClearError() throws Exception {
        Path demo = Path.of(DebriefReviewTest.class.getResource("/dev/cuecard/demo/demo-them.wav").toURI()).getParent();
        Run replay = run(System.getenv(), "replay", "--speed", "max", "--offline",
                demo.resolve("demo-them.wav").toString(), "--me", demo.resolve("demo-me.wav").toString());
        assertThat(replay.exit()).as(replay.err()).isZero();
        Matcher m = Pattern.compile("session (\\d+) stored").matcher(replay.err());
        assertThat(m.find()).isTrue();
        String id = m.group(1);

        Map<String, String> offline = new HashMap<>(System.getenv());
        offline.remove("CUECARD_LLM_BASE_URL");
        Run none = run(offline, "debrief", "review", id);
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("no LLM configured").contains("debrief show " + id);

        try (FakeOpenAiServer server = new FakeOpenAiServer(FakeOpenAiServer.hintStream(REVIEW, 20, Duration.ZERO,
                Duration.ZERO))) {
            Map<String, String> env = new HashMap<>(offline);
            env.put("CUECARD_LLM_BASE_URL", server.baseUrl().toString());
            env.put("CUECARD_LLM_MODEL", "fake-model");
            Run r = run(env, "debrief", "review", "--json", id);
            assertThat(r.exit()).as(r.err()).isZero();
            List<JsonNode> reviews = new ArrayList<>();
            for (String line : r.out().split("\n")) {
                if (!line.isBlank()) {
                    reviews.add(new ObjectMapper().readTree(line));
                }
            }
            assertThat(reviews).isNotEmpty();
            assertThat(reviews.get(0).get("summary").asText()).isEqualTo("Good start, no numbers.");
            // the candidate's own words went to the reviewer
            assertThat(server.received().get(0).message("user")).contains("token bucket");

            Run text = run(env, "debrief", "review", id);
            assertThat(text.exit()).as(text.err()).isZero();
            assertThat(text.out()).contains("you said: ", "offline: key points ", "LLM review: Good start, no numbers.",
                    "  + Token bucket named");

            // practice score shows the whole review in text: summary, strengths and improvements
            Run score = run(env, "practice", "score", "--question", "rate-limiter", "--answer-text",
                    "I would use a token bucket per API key stored in Redis.");
            assertThat(score.exit()).as(score.err()).isZero();
            assertThat(score.out()).contains("LLM review: Good start, no numbers.", "  + Token bucket named",
                    "  → Say the limit per client");

            // the model's text with line breaks in it: continued in its column, never at the margin
            String multiLine = "{\"summary\":\"Good start.\\nNo numbers yet.\\r\\n\",\"strengths\":[\"Token bucket\\nnamed\"],"
                    + "\"improvements\":[\"Say the limit\\n\\nper client\"],\"followUp\":\"What if\\nRedis is down?\"}";
            try (FakeOpenAiServer lines = new FakeOpenAiServer(FakeOpenAiServer.hintStream(multiLine, 20, Duration.ZERO,
                    Duration.ZERO))) {
                Map<String, String> linesEnv = new HashMap<>(env);
                linesEnv.put("CUECARD_LLM_BASE_URL", lines.baseUrl().toString());
                Run broken = run(linesEnv, "debrief", "review", id);
                assertThat(broken.exit()).as(broken.err()).isZero();
                assertThat(broken.out()).contains("  LLM review: Good start.\n              No numbers yet.\n"
                        + "  + Token bucket\n    named\n  → Say the limit\n    per client\n");
                assertThat(broken.out().lines().filter(l -> !l.isBlank()))
                        .as("each line is a question or indented under one").allMatch(l -> l.matches("Q\\d+\\. .*|  .*"));

                Run scored = run(linesEnv, "practice", "score", "--question", "rate-limiter", "--answer-text",
                        "I would use a token bucket per API key stored in Redis.");
                assertThat(scored.exit()).as(scored.err()).isZero();
                assertThat(scored.out()).contains("Follow-up (LLM): What if\n    Redis is down?\n",
                        "LLM review: Good start.\n            No numbers yet.\n  + Token bucket\n    named\n");
            }

            // an endpoint that rejects the key: asked once, the other answers are not sent, and the exit says so
            try (FakeOpenAiServer rejecting = new FakeOpenAiServer(new FakeOpenAiServer.Error(401, "bad key"))) {
                Map<String, String> badKey = new HashMap<>(env);
                badKey.put("CUECARD_LLM_BASE_URL", rejecting.baseUrl().toString());
                Run refused = run(badKey, "debrief", "review", "--json", id);
                assertThat(refused.exit()).isEqualTo(1);
                assertThat(rejecting.received()).hasSize(1);
                assertThat(refused.out().strip().split("\n")).hasSize(1);
                assertThat(refused.out()).contains("\"status\":\"API key rejected (HTTP 401)\"");
                assertThat(refused.err()).contains(reviews.size() - 1 + " more answer")
                        .contains("not sent: API key rejected (HTTP 401)");
            }

            // a session with no answers (the interviewer's track alone) is said to have nothing to review
            Run themOnly = run(System.getenv(), "replay", "--speed", "max", "--offline",
                    demo.resolve("demo-them.wav").toString());
            Matcher m2 = Pattern.compile("session (\\d+) stored").matcher(themOnly.err());
            assertThat(m2.find()).as(themOnly.err()).isTrue();
            Run nothing = run(env, "debrief", "review", m2.group(1));
            assertThat(nothing.exit()).isZero();
            assertThat(nothing.out()).isBlank();
            assertThat(nothing.err()).contains("nothing to review in session " + m2.group(1));
        }
    }
}
