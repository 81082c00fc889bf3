package dev.cuecard.session.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.Channel;
import dev.cuecard.session.Utterance;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeakingMetricsTest {
    /**
     * QA (scale): the fillers were kept in an immutable map whose order changes with every JVM, so
     * fillers used equally often came out in a different order in each export of the same session
     * (desktop "ah ×6, basically ×6", CLI "basically ×6, ah ×6" on a 60-minute replay).
     */
    @Test
    void fillersKeepTheOrderOfFirstUseSoEveryExportOfASessionReadsTheSame() {
        SpeakingMetrics m = SpeakingMetrics.of(List.of(
                new Utterance(Channel.ME, 0, 5000, "um so basically we sharded it uh and er well"),
                new Utterance(Channel.ME, 6000, 9000, "ah it was mm sort of okay um")));
        assertThat(m.fillers().keySet()).containsExactly("um", "basically", "uh", "er", "ah", "mm");
        assertThat(m.fillers()).containsEntry("um", 2);
        assertThat(MarkdownExport.fillers(m)).isEqualTo(" (um ×2, basically ×1, uh ×1, er ×1, ah ×1, mm ×1)");
    }
}
