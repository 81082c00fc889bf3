package dev.cuecard.hint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.config.UiSettings;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The levels the settings file may name are the card's levels, and an unknown one means the default the check names. */
class HintLevelTest {
    @Test
    void theSettingsDetailLevelsAreTheCardsLevels() {
        assertThat(Arrays.stream(HintLevel.values()).map(HintLevel::id)).containsExactlyElementsOf(UiSettings.DETAIL_LEVELS);
        assertThat(HintLevel.fromId("full")).isEqualTo(HintLevel.fromId(UiSettings.DEFAULT_DETAIL_LEVEL));
        assertThat(HintLevel.fromId(null)).isEqualTo(HintLevel.OUTLINE);
        assertThat(HintLevel.fromId("detail")).isEqualTo(HintLevel.DETAIL);
    }
}
