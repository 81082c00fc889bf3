package dev.cuecard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.config.AppPaths;
import dev.cuecard.config.Settings;
import dev.cuecard.config.SettingsStore;
import dev.cuecard.hint.TemplateHintEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Settings chosen in the dialog survive a restart (a fresh load from the same CUECARD_HOME). */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class SettingsPersistenceTest {
    @TempDir
    Path home;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void overlayLookHotkeysAndContextArePersisted() throws Exception {
        AppPaths paths = AppPaths.at(home);
        CompletableFuture<Optional<Settings>> result = new CompletableFuture<>();
        SettingsDialog[] dialog = new SettingsDialog[1];
        Platform.runLater(() -> {
            dialog[0] = new SettingsDialog(null, Settings.defaults(), paths, (llm, r) -> r.accept("n/a"),
                    new FxTaskExecutor(Platform::runLater));
            dialog[0].opacitySlider().setValue(0.55);
            dialog[0].coachBox().setSelected(false);
            Platform.runLater(() -> {
                try {
                    result.complete(dialog[0].showAndWait());
                } catch (Exception e) {
                    result.completeExceptionally(e);
                }
            });
        });
        FxTestSupport.waitUntil(() -> dialog[0] != null && dialog[0].dialog().isShowing());
        FxTestSupport.onFx(() -> ((Button) dialog[0].dialog().getDialogPane().lookupButton(ButtonType.OK)).fire());
        Settings saved = result.get(10, TimeUnit.SECONDS).orElseThrow();
        SettingsStore.save(paths, saved);

        Settings reloaded = SettingsStore.load(paths).settings();
        assertThat(reloaded.uiOrDefaults().opacity()).isEqualTo(0.55);
        assertThat(reloaded.uiOrDefaults().hotkeyMap()).containsEntry("ask_now", "ctrl+alt+space")
                .containsEntry("toggle_coach", "ctrl+alt+c");
        assertThat(reloaded.uiOrDefaults().coachShown()).isFalse();
        assertThat(Files.exists(paths.contextDir().resolve("resume.md"))).isTrue();
        // a new overlay built from the reloaded settings has the chosen look
        OverlayWindow overlay = FxTestSupport.onFx(() -> new OverlayWindow(
                new LiveSessionModel(FxTestSupport.CLASSIFIER, new TemplateHintEngine()), reloaded.uiOrDefaults(), b -> { }));
        assertThat(overlay.stage().getOpacity()).isEqualTo(0.55);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
