package dev.cuecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuecard.audio.Channel;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.testing.InterviewFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    @Test
    void timedEventsCarryTheWallClockRightAfterTheAudioPosition() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<PipelineEvent> events = new ArrayList<>(InterviewFixture.events());
        // the coach's events take the same header
        events.add(new PipelineEvent.Coverage(1, "Read-through cache in front of the database", Channel.ME, 12_000));
        events.add(new PipelineEvent.AnswerEnd(1, 66_000, 118.4, 3, List.of("Read-through cache in front of the database"),
                List.of("Thundering herd protection"), java.util.Optional.of("How do you keep it consistent?"), Channel.ME,
                71_000));
        for (PipelineEvent e : events) {
            String replay = EventJson.event(e).orElse(null);
            String live = EventJson.timedEvent(e, 1_795_000_000_123L).orElse(null);
            assertThat(live == null).as(e.toString()).isEqualTo(replay == null);
            if (live == null) {
                continue;
            }
            List<String> replayFields = new ArrayList<>();
            json.readTree(replay).fieldNames().forEachRemaining(replayFields::add);
            JsonNode n = json.readTree(live);
            List<String> liveFields = new ArrayList<>();
            n.fieldNames().forEachRemaining(liveFields::add);
            assertThat(replayFields).doesNotContain("epochMs");
            List<String> expected = new ArrayList<>(replayFields);
            expected.add(expected.indexOf("atMs") + 1, "epochMs");
            assertThat(liveFields).isEqualTo(expected);
            assertThat(n.get("epochMs").asLong()).isEqualTo(1_795_000_000_123L);
        }
        PipelineEvent.ChannelStatus lost = new PipelineEvent.ChannelStatus(Channel.ME,
                PipelineEvent.ChannelStatus.State.LOST, "'headset.monitor' stopped delivering audio", 4200);
        JsonNode n = json.readTree(EventJson.timedEvent(lost, 7).orElseThrow());
        assertThat(n.get("type").asText()).isEqualTo("status");
        assertThat(n.get("state").asText()).isEqualTo("lost");
        // when a channel's audio position 0 was read: the anchor for wall-clock latency
        PipelineEvent.ChannelStatus started = new PipelineEvent.ChannelStatus(Channel.THEM,
                PipelineEvent.ChannelStatus.State.STARTED, "system (call.monitor)", 0);
        assertThat(EventJson.event(started)).isEmpty();
        JsonNode s = json.readTree(EventJson.timedEvent(started, 1_795_000_000_000L).orElseThrow());
        assertThat(s.get("state").asText()).isEqualTo("started");
        assertThat(s.get("epochMs").asLong()).isEqualTo(1_795_000_000_000L);
    }

    @Test
    void controlsATerminalWouldActOnAreEscapedAndReadBackTheSame() throws Exception {
        // U+009B is CSI to a terminal, U+202E reverses what follows, DEL; "ü" and "✓" stay as they are
        String text = "ok \u009b2J \u202eevil\u202c \u007f grüß ✓";
        String line = EventJson.segment(new dev.cuecard.asr.TranscriptEvent(Channel.THEM,
                dev.cuecard.asr.TranscriptKind.FINAL, text, 0, 900, 900, List.of()));
        assertThat(line.toLowerCase(java.util.Locale.ROOT)).contains("\\u009b2j", "\\u202eevil\\u202c", "\\u007f", "grüß ✓");
        assertThat(line.chars()).noneMatch(c -> c == 0x9b || c == 0x202e || c == 0x7f);
        assertThat(new ObjectMapper().readTree(line).get("text").asText()).isEqualTo(text);
    }
}
