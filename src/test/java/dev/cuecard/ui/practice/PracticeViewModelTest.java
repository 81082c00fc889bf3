package dev.cuecard.ui.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PracticeViewModelTest {
    @Test
    void missedKeyPointsReadAsOneListWithoutTheirOwnFullStops() {
        assertThat(PracticeViewModel.missedList(List.of("Say where you were stuck.", "Pick a story with stakes",
                "End with what changed. ")))
                .isEqualTo("Say where you were stuck; Pick a story with stakes; End with what changed");
    }
}
