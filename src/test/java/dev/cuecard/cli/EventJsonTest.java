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
    void liveEventsCarryTheWallClockRightAfterTheAudioPositionAndReplayEventsDoNot() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (PipelineEvent e : InterviewFixture.events()) {
            String replay = EventJson.event(e).orElse(null);
            String live = EventJson.liveEvent(e, 1_795_000_000_123L).orElse(null);
            assertThat(live == null).isEqualTo(replay == null);
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
        JsonNode n = json.readTree(EventJson.liveEvent(lost, 7).orElseThrow());
        assertThat(n.get("type").asText()).isEqualTo("status");
        assertThat(n.get("state").asText()).isEqualTo("lost");
    }
}
