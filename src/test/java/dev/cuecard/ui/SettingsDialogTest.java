package dev.cuecard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.config.AppPaths;
import dev.cuecard.config.Settings;
import dev.cuecard.config.UiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The settings dialog's own behaviour: values beside the sliders, the live preview, the model folder check. */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class SettingsDialogTest {
    @TempDir
    Path home;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private SettingsDialog dialog(List<double[]> previews) throws Exception {
        return FxTestSupport.onFx(() -> new SettingsDialog(null, Settings.defaults(), AppPaths.at(home),
                new SettingsDialog.Services() {
                    @Override
                    public void testConnection(dev.cuecard.config.LlmSettings llm, java.util.function.Consumer<String> r) {
                        r.accept("n/a");
                    }

                    @Override
                    public void previewOverlay(double opacity, double fontScale) {
                        previews.add(new double[] {opacity, fontScale});
                    }
                }, new CurrentThreadTaskExecutor()));
    }

    private static String label(SettingsDialog d, String id) throws Exception {
        return FxTestSupport.onFx(() -> {
            d.dialog().getDialogPane().applyCss(); // the tabs' scroll panes add their content with their skins
            return ((Label) d.dialog().getDialogPane().lookup(id)).getText();
        });
    }

    @Test
    void slidersShowTheirValueAndPreviewTheOverlayAsTheyMove() throws Exception {
        List<double[]> previews = new CopyOnWriteArrayList<>();
        SettingsDialog d = dialog(previews);
        FxTestSupport.onFx(() -> {
            d.opacitySlider().setValue(0.55);
            d.fontScaleSlider().setValue(1.4);
        });
        assertThat(label(d, "#opacity-value")).isEqualTo("55 %");
        assertThat(label(d, "#font-scale-value")).isEqualTo("1.4×");
        assertThat(previews).isNotEmpty();
        assertThat(previews.get(previews.size() - 1)).containsExactly(0.55, 1.4);
        assertThat(d.fontScaleSlider().getMin()).isEqualTo(0.8);
        assertThat(d.fontScaleSlider().getMax()).isEqualTo(1.6);
    }

    @Test
    void shownAtItsOwnSizeNoNameOrMessageIsCutShort() throws Exception {
        String before = javafx.application.Application.getUserAgentStylesheet();
        // the app's theme (DesktopApp): its larger type is what cut names and messages short
        FxTestSupport.onFx(() -> javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()));
        SettingsDialog d = dialog(new CopyOnWriteArrayList<>());
        try {
            FxTestSupport.onFx(() -> {
                d.dialog().show();
                javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) d.dialog().getDialogPane().getContent();
                tabs.getSelectionModel().select(2); // Hotkeys
                // two actions on one chord: the longest message the tab shows
                d.hotkeyField(dev.cuecard.hotkey.HotkeyAction.TOGGLE_OVERLAY).setText(
                        d.hotkeyField(dev.cuecard.hotkey.HotkeyAction.ASK_NOW).getText());
                d.dialog().getDialogPane().applyCss();
                d.dialog().getDialogPane().layout();
            });
            List<String> cut = FxTestSupport.onFx(() -> {
                d.dialog().getDialogPane().layout();
                List<String> out = new java.util.ArrayList<>();
                for (javafx.scene.Node n : d.dialog().getDialogPane().lookupAll(".label")) {
                    Label l = (Label) n;
                    if (!l.isVisible() || l.getText() == null || l.getText().isEmpty() || l.getScene() == null
                            || l.getWidth() <= 0) {
                        continue;
                    }
                    double needed = l.isWrapText() ? l.prefHeight(l.getWidth()) : l.prefWidth(-1);
                    double has = l.isWrapText() ? l.getHeight() : l.getWidth();
                    if (has + 0.5 < needed) {
                        out.add(l.getText());
                    }
                }
                return out;
            });
            assertThat(d.hotkeyErrorLabel().getText()).contains("is set for both");
            assertThat(cut).as("labels shown with less room than their text needs").isEmpty();

            // the Audio tab: the empty model folder's prompt says what empty means, whole ("empty = the bun" was
            // cut), and the note under the rows starts where the rows do (it sat 12 px to their left)
            double[] audio = FxTestSupport.onFx(() -> {
                javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) d.dialog().getDialogPane().getContent();
                tabs.getSelectionModel().select(0);
                d.dialog().getDialogPane().applyCss();
                d.dialog().getDialogPane().layout();
                javafx.scene.control.TextField field = d.modelDirField();
                javafx.scene.text.Text prompt = new javafx.scene.text.Text(field.getPromptText());
                prompt.setFont(field.getFont());
                javafx.scene.Node rowName = d.dialog().getDialogPane().lookupAll(".label").stream()
                        .filter(n -> "Speech model folder".equals(((Label) n).getText())).findFirst().orElseThrow();
                javafx.scene.Node note = d.dialog().getDialogPane().lookupAll(".label").stream()
                        .filter(n -> ((Label) n).getText() != null && ((Label) n).getText().contains("loopback"))
                        .findFirst().orElseThrow();
                return new double[] {prompt.getLayoutBounds().getWidth() + field.getInsets().getLeft()
                        + field.getInsets().getRight(), field.getWidth(),
                        rowName.localToScene(rowName.getBoundsInLocal()).getMinX(),
                        note.localToScene(note.getBoundsInLocal()).getMinX()};
            });
            assertThat(audio[0]).as("the folder prompt's width").isLessThanOrEqualTo(audio[1]);
            assertThat(audio[3]).as("the note's left edge").isEqualTo(audio[2], org.assertj.core.data.Offset.offset(1.0));
        } finally {
            FxTestSupport.onFx(() -> {
                d.dialog().setResult(ButtonType.CANCEL);
                d.dialog().close();
                javafx.application.Application.setUserAgentStylesheet(before);
            });
        }
    }

    @Test
    void aModelFolderThatIsNotAVoskModelIsSaidAndCannotBeSaved() throws Exception {
        SettingsDialog d = dialog(new CopyOnWriteArrayList<>());
        Button save = FxTestSupport.onFx(() -> (Button) d.dialog().getDialogPane().lookupButton(ButtonType.OK));
        assertThat(FxTestSupport.onFx(() -> {
            d.dialog().getDialogPane().applyCss();
            return d.dialog().getDialogPane().lookup("#browse-model");
        })).isNotNull();
        FxTestSupport.onFx(() -> d.modelDirField().setText(home.resolve("nowhere").toString()));
        assertThat(d.modelErrorLabel().getText()).contains("does not exist");
        assertThat(save.isDisabled()).isTrue();

        Path model = home.resolve("model");
        Files.createDirectories(model.resolve("am"));
        Files.createDirectories(model.resolve("conf"));
        Files.writeString(model.resolve("am/final.mdl"), "x");
        FxTestSupport.onFx(() -> d.modelDirField().setText(model.toString()));
        assertThat(d.modelErrorLabel().getText()).contains("incomplete").contains("conf/mfcc.conf");
        Files.writeString(model.resolve("conf/mfcc.conf"), "x");
        FxTestSupport.onFx(() -> d.modelDirField().setText(model + "/"));
        assertThat(d.modelErrorLabel().getText()).isEmpty();
        assertThat(save.isDisabled()).isFalse();
        FxTestSupport.onFx(() -> d.modelDirField().setText(""));
        assertThat(save.isDisabled()).as("empty: the bundled model").isFalse();
    }

    @Test
    void anLlmEndpointOrTimeoutThatCannotWorkIsSaidAndCannotBeSaved() throws Exception {
        SettingsDialog d = dialog(new CopyOnWriteArrayList<>());
        Button save = FxTestSupport.onFx(() -> (Button) d.dialog().getDialogPane().lookupButton(ButtonType.OK));
        // no scheme: saved as it was, the LLM was off at the next start ("template hints only")
        FxTestSupport.onFx(() -> d.llmUrlField().setText("localhost:11434"));
        assertThat(d.llmErrorLabel().getText()).contains("is not an http(s) URL");
        assertThat(save.isDisabled()).isTrue();
        FxTestSupport.onFx(() -> d.llmUrlField().setText("http://localhost:11434/v1"));
        assertThat(d.llmErrorLabel().getText()).isEmpty();
        assertThat(save.isDisabled()).isFalse();
        // not a number: it was dropped without a word and the default used
        for (String bad : List.of("abc", "0", "-5", "2.5")) {
            FxTestSupport.onFx(() -> d.llmTimeoutField().setText(bad));
            assertThat(d.llmErrorLabel().getText()).as(bad).contains("First-token timeout").contains(bad);
            assertThat(save.isDisabled()).as(bad).isTrue();
        }
        FxTestSupport.onFx(() -> d.llmTimeoutField().setText("3000"));
        assertThat(d.llmErrorLabel().getText()).isEmpty();
        assertThat(save.isDisabled()).isFalse();
        FxTestSupport.onFx(() -> d.llmUrlField().setText(""));
        FxTestSupport.onFx(() -> d.llmTimeoutField().setText(""));
        assertThat(save.isDisabled()).as("empty: offline, default timeout").isFalse();
    }

    @Test
    void theTimeoutFieldNamesTheDefaultThatIsUsed() throws Exception {
        SettingsDialog d = dialog(new CopyOnWriteArrayList<>());
        // it said 4000 while 5000 ms was used
        assertThat(d.llmTimeoutField().getPromptText())
                .contains("default " + dev.cuecard.hint.llm.LlmConfig.DEFAULT_FIRST_TOKEN.toMillis() + ")");
    }

    @Test
    void theFieldsThatNeedARestartAreNamedAfterSaving() {
        Settings before = Settings.defaults();
        Settings after = new Settings("/models/other", null, null, before.uiOrDefaults().withOpacity(0.5), before.llmSettings());
        assertThat(SettingsDialog.needRestart(before, after)).containsExactly("speech model");
        assertThat(SettingsDialog.needRestart(before, new Settings(null, null, null,
                UiSettings.defaults().withOpacity(0.4), before.llmSettings()))).isEmpty();
    }
}
