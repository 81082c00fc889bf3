package dev.cuecard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A settings file with a typo is used, and the typo is named instead of silently turning a feature off. */
class SettingsStoreTest {
    @TempDir
    Path home;

    private SettingsStore.Loaded load(String yaml) throws Exception {
        Files.writeString(home.resolve("settings.yaml"), yaml);
        return SettingsStore.load(AppPaths.from(Map.of("CUECARD_HOME", home.toString())));
    }

    @Test
    void unknownAndNegativeSettingsAreNamedWithTheLikelyMeaningAndTheRestIsUsed() throws Exception {
        SettingsStore.Loaded l = load("""
                themDevice: monitor
                fooBar: 2
                llm:
                  baseURL: http://127.0.0.1:8765/v1
                  model: fake
                  firstTokenTimeoutMs: -5
                ui:
                  fontscale: 1.2
                  hotkeys:
                    anything-goes-here: ctrl+alt+x
                """);
        assertThat(l.settings().themDevice()).isEqualTo("monitor");
        assertThat(l.settings().llmSettings().model()).isEqualTo("fake");
        assertThat(l.problem()).hasValueSatisfying(m -> assertThat(m)
                .contains("unknown setting 'fooBar'")
                .contains("unknown setting 'llm.baseURL' (did you mean 'llm.baseUrl'?)")
                .contains("'llm.firstTokenTimeoutMs' must not be negative (got -5)")
                .contains("unknown setting 'ui.fontscale' (did you mean 'ui.fontScale'?)")
                .doesNotContain("anything-goes-here"));
    }

    @Test
    void theLooksValuesOutOfRangeAndAnUnknownDetailLevelAreNamedWithWhatIsUsedInstead() throws Exception {
        SettingsStore.Loaded l = load("""
                ui:
                  fontScale: 5
                  overlayOpacity: 0.1
                  detailLevel: full
                """);
        assertThat(l.settings().uiOrDefaults().scale()).isEqualTo(UiSettings.MAX_FONT_SCALE);
        assertThat(l.settings().uiOrDefaults().opacity()).isEqualTo(UiSettings.MIN_OPACITY);
        assertThat(l.problem()).hasValueSatisfying(m -> assertThat(m)
                .contains("'ui.fontScale' must be between 0.8 and 1.6 (got 5; 1.6 is used)")
                .contains("'ui.overlayOpacity' must be between 0.3 and 1 (got 0.1; 0.3 is used)")
                .contains("'ui.detailLevel' must be one_line, outline or detail (got 'full'; outline is used)"));
        assertThat(load("ui:\n  fontScale: -1\n").problem()).hasValueSatisfying(m -> assertThat(m)
                .contains("'ui.fontScale' must be between 0.8 and 1.6 (got -1; 0.8 is used)")
                .doesNotContain("negative"));
        assertThat(load("ui:\n  fontScale: 1.6\n  overlayOpacity: 1\n  detailLevel: one_line\n").problem())
                .isEmpty();
    }

    @Test
    void aFileOfKnownSettingsSaysNothing() throws Exception {
        assertThat(load("llm:\n  baseUrl: http://127.0.0.1:8765/v1\n  maxRetries: 2\n").problem()).isEmpty();
    }
}
