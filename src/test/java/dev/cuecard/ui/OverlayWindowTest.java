package dev.cuecard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.Channel;
import dev.cuecard.audio.WavFileSource;
import dev.cuecard.config.UiSettings;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.HintLevel;
import dev.cuecard.hint.HintSource;
import dev.cuecard.hint.TemplateHintEngine;
import dev.cuecard.pipeline.ChannelInput;
import dev.cuecard.pipeline.NamedThreadFactory;
import dev.cuecard.pipeline.Pipeline;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.pipeline.QuestionStage;
import dev.cuecard.testing.SpeechFixtures;
import dev.cuecard.testing.Xdotool;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.StageStyle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The overlay in a real JavaFX window (Xvfb in CI). */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class OverlayWindowTest {
    LiveSessionModel model;
    OverlayWindow overlay;
    FxBridge bridge;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        FxTestSupport.onFx(() -> {
            model = new LiveSessionModel(FxTestSupport.CLASSIFIER, new TemplateHintEngine());
            overlay = new OverlayWindow(model, UiSettings.defaults().withOpacity(0.85), b -> { });
            bridge = new FxBridge(Platform::runLater, model::apply);
            overlay.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxTestSupport.onFx(() -> overlay.stage().close());
    }

    private String cardText() throws Exception {
        return FxTestSupport.onFx(() -> String.join("\n", overlay.cardView().getChildren().stream()
                .map(n -> ((Label) n).getText()).toList()));
    }

    @Test
    void isAnAlwaysOnTopTranslucentUndecoratedWindowThatListensFirst() throws Exception {
        assertThat(overlay.stage().getStyle()).isEqualTo(StageStyle.TRANSPARENT);
        assertThat(overlay.stage().isAlwaysOnTop()).isTrue();
        assertThat(overlay.stage().getOpacity()).isEqualTo(0.85);
        assertThat(overlay.stage().isShowing()).isTrue();
        assertThat(FxTestSupport.onFx(() -> overlay.titleLabel().getText())).isEqualTo("Ready");
        FxTestSupport.onFx(() -> model.listeningProperty().set(true));
        assertThat(FxTestSupport.onFx(() -> overlay.titleLabel().getText())).isEqualTo("Listening…");
    }

    @Test
    void aQuestionShowsItsCardAndTheDetailLevelStepsThroughIt() throws Exception {
        for (PipelineEvent e : FxTestSupport.questionAndHint(1, "how would you design a rate limiter for a public api")) {
            bridge.onEvent(e);
        }
        FxTestSupport.waitUntil(() -> "Design a rate limiter".equals(overlay.titleLabel().getText()));
        assertThat(cardText()).contains("Structure").doesNotContain("Key points");
        FxTestSupport.onFx(model::moreDetail);
        assertThat(model.levelProperty().get()).isEqualTo(HintLevel.DETAIL);
        assertThat(cardText()).contains("Key points").contains("Follow-ups");
        FxTestSupport.onFx(() -> {
            model.lessDetail();
            model.lessDetail();
        });
        assertThat(cardText()).isEmpty();
    }

    @Test
    void streamedLlmUpdatesFillTheCardAndAFailureKeepsTheTemplateWithAStatus() throws Exception {
        PipelineEvent[] first = FxTestSupport.questionAndHint(7, "what is the difference between a mutex and a semaphore");
        for (PipelineEvent e : first) {
            bridge.onEvent(e);
        }
        Hint template = ((PipelineEvent.HintReady) first[1]).hint();
        bridge.onEvent(new PipelineEvent.TextSent(7, "api.example.com", true, Channel.THEM, 2100));
        FxTestSupport.waitUntil(() -> model.sendingToLlmProperty().get());
        Hint partial = new Hint(template.question(), template.category(), template.templateId(), HintSource.LLM,
                "Mutex vs semaphore for your queue", "A mutex has an owner; a semaphore counts permits.",
                List.of("Say who owns a mutex"), List.of(), List.of(), List.of(), List.of());
        bridge.onEvent(new PipelineEvent.HintUpdate(7, partial, false, Optional.empty(), Channel.THEM, 2300));
        FxTestSupport.waitUntil(() -> "Mutex vs semaphore for your queue".equals(overlay.titleLabel().getText()));
        assertThat(cardText()).contains("Say who owns a mutex");

        PipelineEvent[] second = FxTestSupport.questionAndHint(8, "how would you design a url shortener");
        for (PipelineEvent e : second) {
            bridge.onEvent(e);
        }
        bridge.onEvent(new PipelineEvent.LlmStatus(8, PipelineEvent.LlmStatus.State.FAILED, "LLM unreachable",
                Channel.THEM, 5000));
        FxTestSupport.waitUntil(() -> "LLM unreachable".equals(overlay.statusLabel().getText()));
        assertThat(overlay.titleLabel().getText()).isEqualTo("Design a URL shortener");
        assertThat(model.sendingToLlmProperty().get()).isFalse();
    }

    @Test
    void aReplayedSpokenQuestionShowsTheRightCard() throws Exception {
        Pipeline p = new Pipeline(Pipeline.RecognizerFactory.vosk(SpeechFixtures.model()), new NamedThreadFactory("ui-test"))
                .withQuestions(new QuestionStage(FxTestSupport.CLASSIFIER, new TemplateHintEngine()));
        p.addListener(bridge);
        p.addChannel(new ChannelInput(Channel.THEM,
                new WavFileSource(SpeechFixtures.wav("latency-rms"), Double.POSITIVE_INFINITY)));
        p.start();
        p.awaitEnd();
        String expected = FxTestSupport.CLASSIFIER.library()
                .get(FxTestSupport.CLASSIFIER.classify(SpeechFixtures.get("latency-rms").text()).templateId())
                .orElseThrow().title();
        FxTestSupport.waitUntil(() -> expected.equals(overlay.titleLabel().getText()));
        assertThat(model.questions()).isNotEmpty();
        // a card decided at the pause comes before the final line: its transcript entry may be a frame later
        FxTestSupport.waitUntil(() -> FxTestSupport.onFx(
                () -> model.transcript().stream().anyMatch(l -> l.text().contains("latency"))));
    }

    @Test
    void aRealGlobalChordFromXdotoolStepsAndHidesTheOverlay() throws Exception {
        var result = dev.cuecard.hotkey.GlobalHotkeys.start(dev.cuecard.hotkey.HotkeyBindings.defaults(),
                a -> bridge.post(() -> {
                    switch (a) {
                        case MORE_DETAIL -> model.moreDetail();
                        case TOGGLE_OVERLAY -> model.toggleOverlay();
                        default -> { }
                    }
                }));
        try (var hotkeys = result.hotkeys().orElseThrow()) {
            Xdotool.awaitHookListening();
            Xdotool.key("ctrl+alt+Up");
            FxTestSupport.waitUntil(() -> model.levelProperty().get() == HintLevel.DETAIL);
            Xdotool.key("ctrl+alt+h");
            FxTestSupport.waitUntil(() -> !overlay.stage().isShowing());
        }
    }


    @Test
    void movingOrResizingIsRememberedAndRestoredForTheScreen() throws Exception {
        java.util.List<UiSettings.WindowBounds> saved = new java.util.concurrent.CopyOnWriteArrayList<>();
        OverlayWindow[] other = new OverlayWindow[1];
        FxTestSupport.onFx(() -> {
            other[0] = new OverlayWindow(model, UiSettings.defaults(), saved::add);
            other[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        // as the drag and the corner grip do, once the window is up
        FxTestSupport.onFx(() -> {
            other[0].stage().setX(100);
            other[0].stage().setY(120);
            other[0].resizeTo(500, 300);
        });
        FxTestSupport.waitUntil(() -> !saved.isEmpty() && saved.get(saved.size() - 1).width() == 500);
        UiSettings.WindowBounds b = saved.get(saved.size() - 1);
        assertThat(b.y()).isEqualTo(120);
        assertThat(b.width()).isEqualTo(500);
        String screen = FxTestSupport.onFx(() -> other[0].currentScreenKey());
        FxTestSupport.onFx(() -> other[0].stage().close());
        // a new overlay with those settings opens where the user left it
        OverlayWindow restored = FxTestSupport.onFx(() -> new OverlayWindow(model,
                UiSettings.defaults().withBounds(screen, b), x -> { }));
        assertThat(restored.stage().getX()).isEqualTo(100);
        assertThat(restored.stage().getWidth()).isEqualTo(500);
    }

    @Test
    void oneStatusPillSaysOffListeningOrPausedAndSendingIsABadgeOfItsOwn() throws Exception {
        Label pill = overlay.pillLabel();
        assertThat(pill.getText()).isEqualTo("○ Off");
        assertThat(pill.getStyleClass()).contains("pill-off");
        // idle: nothing else claims to be listening
        assertThat(FxTestSupport.onFx(() -> overlay.root().lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).filter(t -> t != null && t.toLowerCase().contains("listening"))
                .toList())).isEmpty();
        FxTestSupport.onFx(() -> model.listeningProperty().set(true));
        assertThat(pill.getText()).isEqualTo("● Listening");
        assertThat(pill.getStyleClass()).contains("pill-listening").doesNotContain("pill-off");
        FxTestSupport.onFx(() -> model.pausedProperty().set(true));
        assertThat(pill.getText()).isEqualTo("❚❚ Paused");
        assertThat(overlay.titleLabel().getText()).isEqualTo("Paused");
        FxTestSupport.onFx(() -> {
            model.pausedProperty().set(false);
            model.sendingToLlmProperty().set(true);
        });
        Label sending = (Label) overlay.root().lookup("#sending");
        assertThat(sending.isVisible()).isTrue();
        assertThat(sending.getText()).isEqualTo("↑ Sending to LLM");
        assertThat(pill.getText()).isEqualTo("● Listening");
    }

    @Test
    void nothingIsCutAtAnyFontScaleFromTheDefaultToTheMinimumSize() throws Exception {
        for (PipelineEvent e : FxTestSupport.questionAndHint(1, "how would you design a rate limiter for a public api")) {
            bridge.onEvent(e);
        }
        FxTestSupport.waitUntil(() -> "Design a rate limiter".equals(overlay.titleLabel().getText()));
        FxTestSupport.onFx(() -> {
            model.moreDetail();
            model.listeningProperty().set(true);
            model.sendingToLlmProperty().set(true);
        });
        for (double scale : new double[] {0.8, 1.0, 1.4, 1.6}) {
            for (double[] size : new double[][] {{OverlayWindow.DEFAULT_WIDTH, OverlayWindow.DEFAULT_HEIGHT},
                    {OverlayWindow.MIN_WIDTH, OverlayWindow.MIN_HEIGHT}}) {
                FxTestSupport.onFx(() -> {
                    overlay.setFontScale(scale);
                    overlay.resizeTo(size[0], size[1]);
                });
                WaitForAsyncUtils.waitForFxEvents();
                String at = "scale " + scale + " at " + size[0] + "×" + size[1];
                assertThat(FxTestSupport.onFx(() -> FxTestSupport.elided(overlay.root()))).as(at).isEmpty();
                // the footer (detail level, latency) stays inside the window; the card scrolls instead
                javafx.geometry.Bounds info = FxTestSupport.onFx(() -> {
                    javafx.scene.Node n = overlay.root().lookup("#info");
                    return n.localToScene(n.getLayoutBounds());
                });
                assertThat(info.getHeight()).as(at).isPositive();
                assertThat(info.getMaxY()).as(at).isLessThanOrEqualTo(overlay.stage().getScene().getHeight());
                assertThat(overlay.titleLabel().getText()).isEqualTo("Design a rate limiter");
            }
        }
    }

    @Test
    void noLineRunsPastTheRightEdgeOfTheCardAtAnyFontScaleWithTheCoachShown() throws Exception {
        // as the app shows it: its theme, the largest font scale from the settings
        String before = reopenUnderTheAppsTheme(UiSettings.defaults().withFontScale(1.6));
        // you have spoken: the answer coach shows the card's key points as chips under the gist
        FxTestSupport.onFx(() -> model.coach().candidateHeardProperty().set(true));
        try {
            int id = 1;
            for (String question : List.of("tell me about a time you disagreed with a teammate about a technical decision",
                    "how would you design a rate limiter for a public api",
                    "what happens if the cache goes down and every request hits the database")) {
                for (PipelineEvent e : FxTestSupport.questionAndHint(id++, question)) {
                    bridge.onEvent(e);
                }
                FxTestSupport.waitUntil(() -> model.shownProperty().get() != null
                        && question.equals(model.shownProperty().get().classification().text()));
                WaitForAsyncUtils.waitForFxEvents();
                // at 1.6× the widest chip widened the card's content: every line was cut under the scroll bar
                assertThat(FxTestSupport.onFx(() -> linesPastTheCardsEdge())).as(question).isEmpty();
                for (double scale : new double[] {0.8, 1.0, 1.4, 1.6}) {
                    for (double[] size : new double[][] {{OverlayWindow.DEFAULT_WIDTH, OverlayWindow.DEFAULT_HEIGHT},
                            {OverlayWindow.MIN_WIDTH, OverlayWindow.MIN_HEIGHT}}) {
                        FxTestSupport.onFx(() -> {
                            overlay.setFontScale(scale);
                            overlay.resizeTo(size[0], size[1]);
                        });
                        WaitForAsyncUtils.waitForFxEvents();
                        String at = "\"" + question + "\" at scale " + scale + ", " + size[0] + "×" + size[1];
                        assertThat(FxTestSupport.onFx(() -> linesPastTheCardsEdge())).as(at).isEmpty();
                    }
                }
            }
        } finally {
            FxTestSupport.onFx(() -> javafx.application.Application.setUserAgentStylesheet(before));
        }
    }

    /** The overlay opened again with {@code ui} under the app's theme, listening; returns the stylesheet to restore. */
    private String reopenUnderTheAppsTheme(UiSettings ui) throws Exception {
        String before = javafx.application.Application.getUserAgentStylesheet();
        FxTestSupport.onFx(() -> {
            javafx.application.Application.setUserAgentStylesheet(
                    new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
            overlay.stage().close();
            overlay = new OverlayWindow(model, ui, b -> { });
            overlay.show();
            model.listeningProperty().set(true);
        });
        return before;
    }

    /** The card's texts whose drawn line reaches past the scroll pane's viewport (cut by it, under the scroll bar). */
    private List<String> linesPastTheCardsEdge() {
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) overlay.root().lookup("#card-scroll");
        javafx.scene.Node viewport = scroll.lookup(".viewport");
        double right = viewport.localToScene(viewport.getLayoutBounds()).getMaxX();
        List<String> out = new java.util.ArrayList<>();
        for (javafx.scene.Node n : scroll.getContent().lookupAll(".label")) {
            if (n instanceof javafx.scene.control.Labeled l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()
                    && l.lookup(".text") instanceof javafx.scene.text.Text t) {
                double drawn = t.localToScene(t.getLayoutBounds()).getMaxX();
                if (drawn > right + 0.5) {
                    out.add("“" + l.getText() + "” drawn to x=" + Math.round(drawn) + " past " + Math.round(right));
                }
            }
        }
        return out;
    }

    /**
     * Opened at the largest font scale in its default place, the overlay is taller, so the card's gist
     * and the start of its outline are read without scrolling (at the default height the gist alone
     * filled the card); a place the user chose keeps its size.
     */
    @Test
    void atTheLargestFontTheDefaultCardShowsItsGistAndTheStartOfItsOutline() throws Exception {
        String before = reopenUnderTheAppsTheme(UiSettings.defaults().withFontScale(UiSettings.MAX_FONT_SCALE));
        try {
            for (PipelineEvent e : FxTestSupport.questionAndHint(1, "how would you design a rate limiter for a public api")) {
                bridge.onEvent(e);
            }
            FxTestSupport.waitUntil(() -> "Design a rate limiter".equals(overlay.titleLabel().getText()));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(overlay.stage().getHeight()).isGreaterThan(OverlayWindow.DEFAULT_HEIGHT);
            assertThat(overlay.stage().getWidth()).isEqualTo(OverlayWindow.DEFAULT_WIDTH);
            FxTestSupport.onFx(() -> {
                javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) overlay.root()
                        .lookup("#card-scroll");
                javafx.scene.Node viewport = scroll.lookup(".viewport");
                double bottom = viewport.localToScene(viewport.getLayoutBounds()).getMaxY();
                javafx.scene.Node gist = overlay.root().lookup("#gist");
                assertThat(gist.localToScene(gist.getLayoutBounds()).getMaxY()).as("the gist whole").isLessThan(bottom);
                javafx.scene.Node firstLine = overlay.cardView().getChildren().get(0);
                assertThat(firstLine.localToScene(firstLine.getLayoutBounds()).getMaxY()).as("the outline's first line")
                        .isLessThan(bottom);
                return null;
            });

            UiSettings placed = UiSettings.defaults().withFontScale(UiSettings.MAX_FONT_SCALE).withBounds(
                    OverlayWindow.screenKey(javafx.stage.Screen.getPrimary().getBounds()),
                    new UiSettings.WindowBounds(100, 100, 300, 240));
            FxTestSupport.onFx(() -> {
                overlay.stage().close();
                overlay = new OverlayWindow(model, placed, b -> { });
                overlay.show();
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(overlay.stage().getHeight()).isEqualTo(240);
        } finally {
            FxTestSupport.onFx(() -> javafx.application.Application.setUserAgentStylesheet(before));
        }
    }

    /** A larger font chosen in the settings grows the card in its default place, and leaves a place the user chose. */
    @Test
    void aFontScaleChosenInTheSettingsGrowsTheCardOnlyInItsDefaultPlace() throws Exception {
        UiSettings larger = UiSettings.defaults().withFontScale(UiSettings.MAX_FONT_SCALE);
        FxTestSupport.onFx(() -> overlay.applyLook(larger));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(overlay.stage().getHeight()).isEqualTo(OverlayWindow.defaultHeight(UiSettings.MAX_FONT_SCALE));
        FxTestSupport.onFx(() -> overlay.applyLook(UiSettings.defaults()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(overlay.stage().getHeight()).isEqualTo(OverlayWindow.DEFAULT_HEIGHT);

        String screen = FxTestSupport.onFx(() -> overlay.currentScreenKey());
        FxTestSupport.onFx(() -> overlay.resizeTo(300, 240));
        FxTestSupport.onFx(() -> overlay.applyLook(larger.withBounds(screen, new UiSettings.WindowBounds(
                overlay.stage().getX(), overlay.stage().getY(), 300, 240))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(overlay.stage().getHeight()).isEqualTo(240);
    }

    @Test
    void theGripIsVisibleAndTheDefaultPlaceCoversNoneOfCuecardsWindows() throws Exception {
        javafx.scene.layout.Region grip = FxTestSupport.onFx(() -> (javafx.scene.layout.Region) overlay.stage().getScene()
                .lookup("#grip"));
        assertThat(grip.getWidth()).isGreaterThanOrEqualTo(18);
        assertThat(grip.getBackground().getFills()).isNotEmpty()
                .allSatisfy(f -> assertThat(((javafx.scene.paint.Color) f.getFill()).getOpacity()).isEqualTo(1.0));
        javafx.stage.Stage main = FxTestSupport.onFx(() -> {
            javafx.stage.Stage s = new javafx.stage.Stage();
            s.setMinWidth(MainWindow.MIN_WIDTH);
            ScreenLayout.fit(s, 1100, 680);
            return s;
        });
        javafx.geometry.Rectangle2D mainBounds = new javafx.geometry.Rectangle2D(main.getX(), main.getY(),
                main.getWidth(), main.getHeight());
        assertThat(mainBounds.intersects(overlay.stage().getX(), overlay.stage().getY(), overlay.stage().getWidth(),
                overlay.stage().getHeight())).isFalse();
        assertThat(main.getWidth()).isGreaterThanOrEqualTo(MainWindow.MIN_WIDTH);
    }

    @Test
    void keyboardArrowsMoveAndShiftArrowsResizeTheCard() throws Exception {
        double x = overlay.stage().getX();
        double w = overlay.stage().getWidth();
        FxTestSupport.onFx(() -> {
            overlay.root().requestFocus();
            overlay.root().fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                    javafx.scene.input.KeyCode.LEFT, false, false, false, false));
            overlay.root().fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                    javafx.scene.input.KeyCode.RIGHT, true, false, false, false));
        });
        assertThat(overlay.stage().getX()).isEqualTo(x - OverlayWindow.KEY_STEP);
        assertThat(overlay.stage().getWidth()).isEqualTo(w + OverlayWindow.KEY_STEP);
    }

    @Test
    void oneMoreNodeCanBeHostedInTheCardArea() throws Exception {
        Label coach = FxTestSupport.onFx(() -> new Label("coach panel"));
        FxTestSupport.onFx(() -> overlay.host(coach));
        assertThat(coach.getParent().getId()).isEqualTo("card-slot");
        assertThat(coach.getScene()).isSameAs(overlay.stage().getScene());
    }

    @Test
    void hidingAndShowingFollowsTheModel() throws Exception {
        FxTestSupport.onFx(model::toggleOverlay);
        assertThat(overlay.stage().isShowing()).isFalse();
        FxTestSupport.onFx(model::toggleOverlay);
        assertThat(overlay.stage().isShowing()).isTrue();
    }
}
