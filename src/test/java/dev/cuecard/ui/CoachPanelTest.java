package dev.cuecard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.AudioLevel;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.WavFileSource;
import dev.cuecard.config.UiSettings;
import dev.cuecard.hint.TemplateHintEngine;
import dev.cuecard.hotkey.GlobalHotkeys;
import dev.cuecard.hotkey.HotkeyAction;
import dev.cuecard.hotkey.HotkeyBindings;
import dev.cuecard.live.LiveSession;
import dev.cuecard.pipeline.ChannelInput;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.testing.SpeechFixtures;
import dev.cuecard.testing.Xdotool;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The answer coach on the overlay card (Xvfb): a two-channel mock interview replayed through the real
 * session engine (Vosk, the ONNX sentence model) ticks what the answers cover; the clock, the wrap-up
 * cue and hiding. {@code -Dcuecard.test.screenshot=/tmp/coach} saves the screen with the coach up
 * (/tmp/coach-replay.png, /tmp/coach-wrap-up.png).
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class CoachPanelTest {
    LiveSessionModel model;
    OverlayWindow overlay;
    FxBridge bridge;

    @BeforeAll
    static void toolkit() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        FxTestSupport.onFx(() -> {
            model = new LiveSessionModel(FxTestSupport.CLASSIFIER, new TemplateHintEngine());
            overlay = new OverlayWindow(model, UiSettings.defaults(), b -> { });
            bridge = new FxBridge(Platform::runLater, model::apply);
            overlay.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxTestSupport.onFx(() -> overlay.stage().close());
    }

    /** Read on the FX thread: the panel's nodes change there, a test-thread read may see half a render. */
    private static void waitOnFx(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        FxTestSupport.waitUntil(() -> FxTestSupport.onFx(condition));
    }

    private CoachPanel panel() {
        return overlay.coachPanel();
    }

    private List<String> points() throws Exception {
        return FxTestSupport.onFx(() -> panel().pointLabels().stream().map(Label::getText).toList());
    }

    private static Path wav(String name) throws Exception {
        return Path.of(CoachPanelTest.class.getResource("/coach/" + name + ".wav").toURI());
    }

    @Test
    void aReplayedInterviewTicksTheKeyPointsTheAnswerCoversAndTimesIt() throws Exception {
        List<String> clock = new CopyOnWriteArrayList<>();
        FxTestSupport.onFx(() -> panel().timerLabel().textProperty().addListener((o, a, b) -> clock.add(b)));
        // twice real time: the clock must be seen running during an answer, not only its end
        LiveSession session = LiveSession.with(SpeechFixtures.model(), FxTestSupport.CLASSIFIER)
                .inputs(List.of(new ChannelInput(Channel.THEM, new WavFileSource(wav("them"), 2.0)),
                        new ChannelInput(Channel.ME, new WavFileSource(wav("me"), 2.0))))
                .storeIn(Optional.empty()).listener(bridge).start();
        session.awaitEnd();
        session.close();

        QuestionCard rate = card("rate-limiter");
        QuestionCard conflict = card("conflict-teammate");
        waitOnFx(() -> model.coach().answerTo(conflict.id()).map(CoachModel.Answer::ended).orElse(false));
        FxTestSupport.onFx(() -> model.showQuestion(rate));
        List<String> keys = rate.hint().keyPoints();
        List<String> shown = points();
        assertThat(shown).hasSize(keys.size());
        // the fixture's answer says points 0 and 3 (src/test/resources/coach/coach-fixture.tsv)
        assertThat(shown.get(0)).startsWith("✓ ");
        assertThat(shown.get(3)).startsWith("✓ ");
        assertThat(shown.get(1)).startsWith("○ ");
        assertThat(shown.get(2)).startsWith("○ ");
        assertThat(FxTestSupport.onFx(() -> panel().isVisible())).isTrue();
        assertThat(FxTestSupport.onFx(() -> panel().timerLabel().getText())).matches("answered in 0:[0-5]\\d");
        assertThat(FxTestSupport.onFx(() -> panel().followUpLabel().getText())).startsWith("be ready for: ");
        assertThat(FxTestSupport.onFx(() -> panel().wrapUpLabel().isVisible())).isFalse();
        assertThat(clock).anyMatch(t -> t.matches("0:\\d\\d / 1–2 min"));

        FxTestSupport.onFx(() -> model.showQuestion(conflict));
        List<String> conflictPoints = points();
        assertThat(conflictPoints.get(2)).startsWith("✓ ");
        assertThat(conflictPoints.get(3)).startsWith("✓ ");
        assertThat(conflictPoints.get(1)).startsWith("○ ");
        screenshot("replay");
    }

    private QuestionCard card(String templateId) throws Exception {
        return FxTestSupport.onFx(() -> model.questions().stream()
                .filter(c -> templateId.equals(c.classification().templateId()))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no " + templateId + " card")));
    }

    @Test
    void theClockRunsBetweenResultsAndCuesTheWrapUpAtTwoMinutes() throws Exception {
        startAnswer();
        bridge.onEvent(level(100_000));
        waitOnFx(() -> "1:38 / 1–2 min".equals(panel().timerLabel().getText()));
        assertThat(FxTestSupport.onFx(() -> panel().wrapUpLabel().isVisible())).isFalse();
        assertThat(FxTestSupport.onFx(() -> panel().nextLabel().getText())).isEqualTo("next: a trade-off");
        bridge.onEvent(level(122_000));
        waitOnFx(() -> panel().wrapUpLabel().isVisible());
        assertThat(FxTestSupport.onFx(() -> panel().timerLabel().getText())).isEqualTo("2:00 / 1–2 min");
        assertThat(FxTestSupport.onFx(() -> panel().wrapUpLabel().getText())).isEqualTo("wrap up");
        screenshot("wrap-up");
    }

    @Test
    void aTickNeverUnticksAndAPointSaidSinceLeavesWhatToSayNext() throws Exception {
        List<String> keys = startAnswer();
        bridge.onEvent(new PipelineEvent.Coverage(1, keys.get(1), Channel.ME, 9_000));
        waitOnFx(() -> panel().pointLabels().size() > 1 && panel().pointLabels().get(1).getText().startsWith("✓ "));
        // a later progress report that does not list it (as after a refined card) keeps the tick
        bridge.onEvent(progress(List.of(), List.of(dev.cuecard.coach.AnswerCoach.glance(keys.get(1)), "a number"), 10_000));
        waitOnFx(() -> "next: a number".equals(panel().nextLabel().getText()));
        assertThat(points().get(1)).startsWith("✓ ");
        assertThat(points().get(0)).startsWith("✓ ");
    }

    @Test
    void hidingBySettingOrARealGlobalHotkeyAndNeverOnAThemOnlySession() throws Exception {
        for (PipelineEvent e : FxTestSupport.questionAndHint(1, "how would you design a rate limiter for a public api")) {
            bridge.onEvent(e);
        }
        waitOnFx(() -> model.shownProperty().get() != null);
        assertThat(FxTestSupport.onFx(() -> panel().isVisible())).as("no candidate channel: no coach").isFalse();

        startAnswer();
        assertThat(FxTestSupport.onFx(() -> panel().isVisible())).isTrue();
        FxTestSupport.onFx(() -> model.coach().shownProperty().set(false)); // the setting, as the app applies it
        assertThat(FxTestSupport.onFx(() -> panel().isVisible() || panel().isManaged())).isFalse();
        FxTestSupport.onFx(() -> model.coach().shownProperty().set(true));

        var result = GlobalHotkeys.start(HotkeyBindings.defaults(), a -> bridge.post(() -> {
            if (a == HotkeyAction.TOGGLE_COACH) {
                model.coach().toggle(); // as DesktopApp.onHotkey does
            }
        }));
        try (var hotkeys = result.hotkeys().orElseThrow()) {
            Xdotool.awaitHookListening();
            Xdotool.key("ctrl+alt+c");
            waitOnFx(() -> !panel().isVisible());
            Xdotool.key("ctrl+alt+c");
            waitOnFx(() -> panel().isVisible());
        }
    }

    /** Question 1 (rate limiter) asked, the candidate's channel up, the first result placed; its key points. */
    private List<String> startAnswer() throws Exception {
        PipelineEvent[] asked = FxTestSupport.questionAndHint(1, "how would you design a rate limiter for a public api");
        for (PipelineEvent e : asked) {
            bridge.onEvent(e);
        }
        List<String> keys = ((PipelineEvent.HintReady) asked[1]).hint().keyPoints();
        bridge.onEvent(new PipelineEvent.ChannelStatus(Channel.ME, PipelineEvent.ChannelStatus.State.STARTED, "me.wav", 0));
        bridge.onEvent(new PipelineEvent.Coverage(1, keys.get(0), Channel.ME, 7_000));
        bridge.onEvent(progress(List.of(keys.get(0)), List.of("a trade-off"), 8_000));
        waitOnFx(() -> panel().isVisible() && !panel().pointLabels().isEmpty()
                && panel().pointLabels().get(0).getText().startsWith("✓ "));
        return keys;
    }

    private static PipelineEvent progress(List<String> covered, List<String> next, long atMs) {
        return new PipelineEvent.AnswerProgress(1, 2_000, atMs - 2_000, 150, 1, false, covered, next, Channel.ME, atMs);
    }

    private static PipelineEvent level(long atMs) {
        return new PipelineEvent.Level(new AudioLevel(Channel.ME, 0.1, 0.2, atMs));
    }


    /** The whole (virtual) screen, to look at the coach as a user would. */
    private static void screenshot(String name) throws Exception {
        String prefix = System.getProperty("cuecard.test.screenshot");
        if (prefix != null) {
            String file = prefix + "-" + name + ".png";
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            Process p = new ProcessBuilder("import", "-window", "root", file).inheritIO().start();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }
}
