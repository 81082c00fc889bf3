package dev.cuecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuecard.testing.DataFolderProperty;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** replay --json --me emits the coach's events, and debrief show carries what it ticked (issue 15). */
class CoachCliTest {
    @TempDir
    Path home;
    @RegisterExtension
    final DataFolderProperty dataFolder = new DataFolderProperty(() -> home);

    @Test
    void replayWithTheCandidatesChannelEmitsCoverageAndAnswerEndAndTheDebriefShowsThem() throws Exception {
        Path dir = Path.of(getClass().getResource("/coach/me.wav").toURI()).getParent();
        CliTest.Run r = CliTest.run("replay", "--json", "--speed", "max", dir.resolve("them.wav").toString(), "--me",
                dir.resolve("me.wav").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> events = r.jsonLines();
        List<JsonNode> coverage = events.stream().filter(e -> e.get("type").asText().equals("coverage")).toList();
        assertThat(coverage).isNotEmpty().allSatisfy(c -> {
            assertThat(c.get("questionId").isInt()).isTrue();
            assertThat(c.get("point").asText()).isNotBlank();
            assertThat(c.get("atMs").asLong()).isPositive();
            assertThat(c.get("channel").asText()).isEqualTo("me");
        });
        assertThat(coverage).extracting(c -> c.get("point").asText())
                .contains("Token bucket allows bursts up to capacity plus a steady refill rate");
        List<JsonNode> ends = events.stream().filter(e -> e.get("type").asText().equals("answer_end")).toList();
        assertThat(ends).hasSize(2).allSatisfy(e -> {
            assertThat(e.get("durationMs").asLong()).isPositive();
            assertThat(e.get("wordsPerMinute").asDouble()).isPositive();
            assertThat(e.has("fillers")).isTrue();
            assertThat(e.get("covered").isArray()).isTrue();
        });

        java.util.regex.Matcher m = java.util.regex.Pattern.compile("cuecard: session (\\d+) stored").matcher(r.err());
        assertThat(m.find()).as(r.err()).isTrue();
        String id = m.group(1);
        JsonNode shown = CliTest.run("debrief", "show", id, "--json").jsonLines().get(0);
        JsonNode first = shown.get("questions").get(0);
        assertThat(first.get("live").get("covered")).isNotEmpty();
        assertThat(first.get("live").get("durationMs").asLong()).isPositive();
        assertThat(CliTest.run("debrief", "show", id).out()).contains("live: ").contains("key point(s) ticked");
    }
}
