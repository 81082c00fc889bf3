package dev.cuecard.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredHintTest {
    private static StoredHint shownWithLatency(Optional<Long> latencyMs) {
        return new StoredHint(1, 1, "template", null, 5_000, latencyMs);
    }

    @Test
    void aCardShownWhileTheQuestionWasAskedIsNotSaidToComeZeroMillisecondsAfterIt() {
        // the store keeps max(0, shown − question end): 0 is every card decided before the question ended
        assertThat(shownWithLatency(Optional.of(0L)).whenShown(" ")).contains("by the end of the question");
        assertThat(shownWithLatency(Optional.of(340L)).whenShown("\u00a0")).contains("340\u00a0ms after the question");
        assertThat(shownWithLatency(Optional.empty()).whenShown(" ")).isEmpty();
    }
}
