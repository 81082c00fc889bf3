package dev.cuecard.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StoppedAtTest {
    @Test
    void saysHowFarTheRecordingWasHeard() {
        assertThat(new StoppedAt(192_400, OptionalLong.of(1_050_000)).describe()).isEqualTo("stopped at 3:12 of 17:30");
        assertThat(new StoppedAt(28_100, OptionalLong.of(90_755)).heard()).isEqualTo("heard 0:28 of 1:30");
        assertThat(new StoppedAt(2_400, OptionalLong.empty()).describe()).isEqualTo("stopped at 0:02");
    }

    /** Ctrl+C in a replay's last second: "stopped at 1:30 of 1:30" read as if all of it had been heard. */
    @Test
    void aStopInTheLastSecondSaysHowMuchWasLeft() {
        StoppedAt st = new StoppedAt(90_300, OptionalLong.of(90_755));
        assertThat(st.describe()).isEqualTo("stopped at 1:30 of 1:30, 0.5 s before its end");
        assertThat(st.heard()).isEqualTo("heard 1:30 of 1:30, 0.5 s before its end");
        assertThat(new StoppedAt(90_740, OptionalLong.of(90_755)).describe()).endsWith(", 0.1 s before its end");
    }
}
