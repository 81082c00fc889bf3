package dev.cuecard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.Channel;
import dev.cuecard.config.AppPaths;
import dev.cuecard.config.Settings;
import dev.cuecard.config.SettingsStore;
import dev.cuecard.config.UiSettings;
import dev.cuecard.hint.HintLevel;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.question.Classification;
import dev.cuecard.question.DetectedQuestion;
import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionInfo;
import dev.cuecard.session.SessionKind;
import dev.cuecard.session.SessionRecorder;
import dev.cuecard.session.SessionStore;
import dev.cuecard.testing.InterviewFixture;
import dev.cuecard.testing.Xdotool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole desktop app started in-process under Xvfb on a data folder of its own (settings,
 * a user template, a stored session): its windows, buttons and real global hotkeys (xdotool).
 * Started once for the class (start-up trains the classifier); closing it is the last test.
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DesktopAppTest {
    static final String USER_TEMPLATE_ID = "my-sharding-story";
    static final String QUESTION = "how did you shard the orders database at your last job";
    static final String ANSWER = "we split the orders table by customer id hash into sixteen shards and moved "
            + "them one at a time behind a routing layer";

    @TempDir
    static Path home;
    Stage primary;

    DesktopApp app;
    final CountDownLatch exited = new CountDownLatch(1);
    final FxRobot robot = new FxRobot();

    @BeforeAll
    void startApp() throws Exception {
        primary = FxToolkit.registerPrimaryStage();
        AppPaths paths = AppPaths.at(home);
        Files.createDirectories(paths.templatesDir());
        Files.writeString(paths.templatesDir().resolve("mine.yaml"), """
                category: databases
                templates:
                  - id: %s
                    title: My sharding story
                    triggers:
                      - how did you shard the database
                    hint:
                      gist: Shard key, moving data, routing.
                      keyPoints:
                        - Customer id hash as the shard key
                        - Online cut-over with double writes
                """.formatted(USER_TEMPLATE_ID));
        Template mine = TemplateLibrary.load(Optional.of(paths.templatesDir())).get(USER_TEMPLATE_ID).orElseThrow();
        try (SessionStore store = SessionStore.open(paths.databaseFile());
             SessionRecorder r = SessionRecorder.start(store, new SessionInfo(SessionKind.DEMO, "sharding",
                     "them.wav", "me.wav", "model-en-us", null))) {
            // asked and answered, with no hint stored: the debrief takes the key points from the template
            r.onEvent(InterviewFixture.transcript(Channel.THEM, 0, 3000, QUESTION));
            r.onEvent(new PipelineEvent.Question(new DetectedQuestion(1, Channel.THEM,
                    new Classification(QUESTION, true, mine.category(), Optional.of(mine), 0.9, 1.0), 3000, 3000,
                    false, false)));
            r.onEvent(InterviewFixture.transcript(Channel.ME, 4000, 12000, ANSWER));
        }
        SettingsStore.save(paths, Settings.defaults().withUi(UiSettings.defaults().withConsent(true)
                .withDetailLevel(HintLevel.ONE_LINE.id())));
        DesktopLauncher.useOptions(new DesktopOptions(false, 0, Map.of(AppPaths.HOME_ENV, home.toString())));
        // start-up trains the classifier on the FX thread: slow on a busy machine
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
        app = (DesktopApp) FxToolkit.setupApplication(DesktopApp::new);
        app.exit = exited::countDown;
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The windows a test opened are closed as the user would. */
    @AfterEach
    void closeOtherWindows() throws Exception {
        FxToolkit.setupFixture(() -> {
            showing(dev.cuecard.ui.debrief.DebriefWindow.TITLE).forEach(Stage::close);
            showing("Cuecard — practice").forEach(Stage::close);
        });
    }

    @AfterAll
    void closeApp() throws Exception {
        if (primary.isShowing()) {
            FxToolkit.setupFixture(() -> closeRequest(primary));
        }
        exited.await(30, TimeUnit.SECONDS);
        FxToolkit.cleanupStages();
    }

    /** What the window manager sends when the user clicks the window's close button. */
    private static void closeRequest(Stage stage) {
        Event.fireEvent(stage, new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    private static List<Stage> showing(String titlePrefix) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getTitle() != null && s.getTitle().startsWith(titlePrefix)).map(w -> (Stage) w).toList();
    }

    private void press(String buttonText) throws Exception {
        Button b = robot.lookup(".button").match(n -> n instanceof Button x && buttonText.equals(x.getText()))
                .queryButton();
        FxToolkit.setupFixture(b::fire);
    }

    /**
     * The FX thread paints the renderer's warm-up sample while init() prepares the app on the launcher
     * thread, before start() builds the windows: their first frame then no longer loads the renderer's code.
     */
    @Test
    @Order(0)
    void theRendererIsWarmedUpBeforeTheWindowsAreBuilt() {
        assertThat(app.rendererWarmedUpBeforeStart()).isTrue();
        assertThat(app.model()).as("prepared before start").isNotNull();
    }

    /**
     * Both windows are styled and laid out before either is shown: shown one after the other, the main
     * window stayed blank while the overlay was styled, and its first frame laid all of it out again.
     */
    @Test
    @Order(1)
    void theWindowsFirstFrameFindsThemLaidOut() {
        assertThat(app.laidOutWhenShown()).isTrue();
    }

    /** Listed in the background within ~50 ms, the capture devices filled the pickers in the middle of the first frames. */
    @Test
    @Order(1)
    void theDeviceListFillsThePickersOnceTheFirstFramesArePainted() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.devicesShownAfterFirstFrames().isPresent());
        assertThat(app.devicesShownAfterFirstFrames()).contains(true);
    }

    @Test
    @Order(2)
    void thePauseHotkeyWithNoSessionListeningSaysSoAndPausesNothing() throws Exception {
        FxToolkit.setupFixture(() -> app.onHotkey(dev.cuecard.hotkey.HotkeyAction.PAUSE_RESUME));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.model().listeningProperty().get()).isFalse();
        assertThat(app.model().pausedProperty().get()).as("paused with no session (QA)").isFalse();
        assertThat(app.model().statusProperty().get().text()).isEqualTo("Nothing to pause: no session is listening");
    }

    @Test
    @Order(3)
    void oneHotkeyPressActsOnceWhileTheAppHasTheKeyboard() throws Exception {
        List<HintLevel> levels = new CopyOnWriteArrayList<>();
        List<Boolean> overlay = new CopyOnWriteArrayList<>();
        List<Boolean> coach = new CopyOnWriteArrayList<>();
        FxToolkit.setupFixture(() -> {
            app.model().coach().shownProperty().addListener((o, a, b) -> coach.add(b));
            app.model().levelProperty().set(HintLevel.ONE_LINE);
            app.model().overlayVisibleProperty().set(true);
            app.model().levelProperty().addListener((o, a, b) -> levels.add(b));
            app.model().overlayVisibleProperty().addListener((o, a, b) -> overlay.add(b));
        });
        // the main window has the keyboard: in-window shortcuts and the global hook both see the chord
        robot.clickOn("Live transcript");
        Xdotool.awaitHookListening();
        Xdotool.key("ctrl+alt+Up");
        FxTestSupport.waitUntil(() -> !levels.isEmpty());
        Xdotool.key("ctrl+alt+h");
        FxTestSupport.waitUntil(() -> !overlay.isEmpty());
        Xdotool.key("ctrl+alt+c");
        FxTestSupport.waitUntil(() -> !coach.isEmpty());
        // a second delivery of either chord would arrive within a few tens of ms
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(levels).containsExactly(HintLevel.OUTLINE);
        assertThat(overlay).containsExactly(false);
        assertThat(app.overlay().stage().isShowing()).isFalse();
        // the answer coach is hidden, and stays hidden at the next start
        assertThat(coach).containsExactly(false);
        assertThat(SettingsStore.load(AppPaths.at(home)).settings().uiOrDefaults().coachShown()).isFalse();
    }

    @Test
    @Order(4)
    void closingTheMainWindowClosesEveryWindowAndEndsTheApp() throws Exception {
        FxToolkit.setupFixture(() -> app.model().overlayVisibleProperty().set(true));
        press("Practice");
        press("Debrief");
        FxTestSupport.waitUntil(() -> showing(dev.cuecard.ui.debrief.DebriefWindow.TITLE).size() == 1 && showing("Cuecard — practice").size() == 1);
        assertThat(app.overlay().stage().isShowing()).isTrue();

        FxToolkit.setupFixture(() -> closeRequest(primary));

        assertThat(exited.await(20, TimeUnit.SECONDS)).as("the app asked JavaFX to exit").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.overlay().stage().isShowing()).isFalse();
        assertThat(showing("")).isEmpty();
    }

    @Test
    @Order(2)
    void debriefAndPracticeFocusTheirOpenWindowInsteadOfOpeningAnother() throws Exception {
        press("Debrief");
        FxTestSupport.waitUntil(() -> showing(dev.cuecard.ui.debrief.DebriefWindow.TITLE).size() == 1);
        Stage debrief = showing(dev.cuecard.ui.debrief.DebriefWindow.TITLE).get(0);
        press("Debrief");
        press("Practice");
        FxTestSupport.waitUntil(() -> showing("Cuecard — practice").size() == 1);
        Stage practice = showing("Cuecard — practice").get(0);
        press("Practice");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(showing(dev.cuecard.ui.debrief.DebriefWindow.TITLE)).containsExactly(debrief);
        assertThat(showing("Cuecard — practice")).containsExactly(practice);
    }

    @Test
    @Order(1)
    void theDebriefUsesTheUsersTemplates() throws Exception {
        press("Debrief");
        FxTestSupport.waitUntil(() -> showing(dev.cuecard.ui.debrief.DebriefWindow.TITLE).size() == 1);
        Stage debrief = showing(dev.cuecard.ui.debrief.DebriefWindow.TITLE).get(0);
        // the answer's detail joins the window a frame after it is shown
        FxTestSupport.waitUntil(() -> debrief.getScene().lookup("#question") instanceof Label q
                && QUESTION.equals(q.getText()));
        // key points are judged by meaning on a lane of their own after the debrief is shown
        FxTestSupport.waitUntil(() -> debrief.getScene().lookup("#feedback") instanceof Label f
                && !f.getText().contains("judging by meaning"));
        String feedback = ((Label) debrief.getScene().lookup("#feedback")).getText();
        assertThat(feedback).contains("Key points covered: 1 of 2", "✓ Customer id hash as the shard key");
    }
}
