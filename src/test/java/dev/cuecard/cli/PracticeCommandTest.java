package dev.cuecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuecard.testing.DataFolderProperty;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** practice score | plan: the contract of issue 8. */
class PracticeCommandTest {
    @TempDir
    Path home;
    @RegisterExtension
    final DataFolderProperty dataFolder = new DataFolderProperty(() -> home);

    @Test
    void scoreJsonHasTotalDimensionsAndKeyPoints() throws Exception {
        CliTest.Run r = CliTest.run("practice", "score", "--question", "rate-limiter", "--offline", "--json",
                "--answer-text", "I would use a token bucket in Redis because it allows bursts with a steady refill; "
                        + "the update must be atomic with a Lua script. The downside is a Redis round trip of 1 ms.");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = r.jsonLines().get(0);
        assertThat(n.get("total").asDouble()).isBetween(0.0, 10.0);
        assertThat(n.get("dimensions")).hasSize(6).allSatisfy(d -> {
            assertThat(d.has("score")).isTrue();
            assertThat(d.get("suggestion").isTextual()).isTrue();
        });
        assertThat(n.get("coveredKeyPoints").toString()).contains("Token bucket");
        assertThat(n.get("missedKeyPoints").toString()).contains("Sliding log");
        assertThat(n.get("template").asText()).isEqualTo("rate-limiter");
        assertThat(n.get("followUpSource").asText()).isEqualTo("template");
    }

    @Test
    void scoreAcceptsQuestionTextAndAWavAnswer() throws Exception {
        Path wav = Path.of(PracticeCommandTest.class.getResource("/practice/rate-limiter.mediocre.wav").toURI());
        CliTest.Run r = CliTest.run("practice", "score", "--question", "how would you design a rate limiter",
                "--answer-wav", wav.toString(), "--offline", "--json", "--save");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = r.jsonLines().get(0);
        assertThat(n.get("spoken").asBoolean()).isTrue();
        assertThat(n.get("answer").asText()).contains("token");
        assertThat(n.get("dimensions").get(4).get("score").isNumber()).as("pace measured").isTrue();
        assertThat(r.err()).contains("stored as practice session");
        // listed as what it is, and its export does not name Cuecard as the interviewer's audio (QA)
        assertThat(CliTest.run("debrief", "list").out()).contains("Practice: one answer (mid) — system_design");
        String total = String.format(java.util.Locale.ROOT, "%.1f / 10", n.get("total").asDouble());
        assertThat(CliTest.run("debrief", "export", "1").out()).contains("| questions | asked by Cuecard (practice) |")
                .doesNotContain("interviewer audio").contains("**Practice score:** " + total);
        // the debrief of a practice session shows the score the answer was given (QA: it never did)
        assertThat(CliTest.run("debrief", "show", "1").out()).contains("practice score: " + total);
        JsonNode shown = CliTest.run("debrief", "show", "1", "--json").jsonLines().get(0);
        assertThat(shown.toString()).contains("\"practiceScore\":" + n.get("total").asDouble());
        // the stored score is past history now: the next drill targets its category
        JsonNode plan = CliTest.run("practice", "plan", "--json", "--seed", "1").jsonLines().get(0);
        assertThat(plan.get("weakCategories").get(0).get("category").asText()).isEqualTo("system_design");
        assertThat(plan.get("questions")).isNotEmpty()
                .allSatisfy(q -> assertThat(q.get("category").asText()).isEqualTo("system_design"));
    }

    @Test
    void aWeakTopicPlanNamesTheCategoriesItDrillsApartFromTheNextWeakest() throws Exception {
        // three stored scores in three categories, weakest first: a vague answer, a shallow one, a better one
        for (String[] qa : new String[][] {
                {"deadlock", "um it is when threads wait"},
                {"rate-limiter", "i would use a token bucket per client in redis because it allows bursts"},
                {"cache-aside", "i would read the cache first and on a miss load from the database and set the key "
                        + "with a ttl because reads dominate, and on a write i delete the key; the trade off is a "
                        + "short window of stale data, for example sixty seconds"}}) {
            assertThat(CliTest.run("practice", "score", "--question", qa[0], "--answer-text", qa[1], "--offline",
                    "--save").exit()).isZero();
        }
        JsonNode json = CliTest.run("practice", "plan", "--json", "--seed", "1").jsonLines().get(0);
        assertThat(json.get("weakCategories")).hasSize(3);
        String first = json.get("weakCategories").get(0).get("category").asText();
        String second = json.get("weakCategories").get(1).get("category").asText();
        String third = json.get("weakCategories").get(2).get("category").asText();
        assertThat(json.get("questions")).isNotEmpty()
                .allSatisfy(q -> assertThat(q.get("category").asText()).isIn(first, second));

        CliTest.Run text = CliTest.run("practice", "plan", "--seed", "1");
        assertThat(text.exit()).isZero();
        String line = text.out().lines().findFirst().orElseThrow();
        assertThat(line).startsWith("Drilling your weakest categories").contains(first, second)
                .contains("next weakest: " + third);
        assertThat(line.substring(0, line.indexOf("next weakest"))).doesNotContain(third);
    }

    /**
     * QA (polish 5): practice plan printed a question and its template id as they were, and both can
     * come from the user's templates folder: a terminal escape in them reached the terminal.
     */
    @Test
    void planShowsAUserTemplatesQuestionAndIdEscaped() throws Exception {
        java.nio.file.Files.createDirectories(home.resolve("templates"));
        java.nio.file.Files.writeString(home.resolve("templates/mine.yaml"), """
                category: system_design
                templates:
                  - id: "mine\\e]0;id\\x07"
                    triggers:
                      - "how would you design a pastebin\\e]0;pwned\\x07 service"
                    hint:
                      gist: a key-value store and a blob store
                """);
        CliTest.Run r = CliTest.run("practice", "plan", "--category", "system_design", "--questions", "50", "--seed", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("How would you design a pastebin\\e]0;pwned\\x07 service?  "
                + "[system_design / mine\\e]0;id\\x07]").doesNotContain("\u001b", "\u0007");
    }

    @Test
    void textOutputShowsTheBreakdownAndFollowUp() {
        CliTest.Run r = CliTest.run("practice", "score", "--question", "deadlock", "--offline",
                "--answer-text", "um it is when threads wait on each other");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Score ").contains("coverage").contains("→ ").contains("Follow-up: ");
    }

    @Test
    void badInputIsOneLineAndNonZero() {
        CliTest.Run unknown = CliTest.run("practice", "score", "--question", "hello there", "--answer-text", "x");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.err().strip()).doesNotContain("\n").contains("no template matches");
        // a greeting names no topic, though the template nearest in meaning is some template
        assertThat(CliTest.run("practice", "score", "--question", "good morning", "--answer-text", "x").exit()).isNotZero();
        CliTest.Run both = CliTest.run("practice", "score", "--question", "deadlock", "--answer-text", "x",
                "--answer-wav", "a.wav");
        assertThat(both.exit()).isNotZero();
        CliTest.Run missing = CliTest.run("practice", "score", "--question", "deadlock", "--answer-wav",
                home.resolve("nope.wav").toString());
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err().strip()).doesNotContain("\n").contains("nope.wav");
        CliTest.Run badType = CliTest.run("practice", "plan", "--type", "marathon");
        assertThat(badType.exit()).isNotZero();
        assertThat(badType.err()).contains("--type must be");
    }

    @Test
    void planWithoutHistoryIsAMixedDrill() throws Exception {
        CliTest.Run r = CliTest.run("practice", "plan", "--type", "screening", "--seniority", "senior", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = r.jsonLines().get(0);
        assertThat(n.get("questions")).hasSize(10);
        assertThat(n.get("weakCategories")).isEmpty();
    }
}
