package dev.cuecard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.Channel;
import dev.cuecard.config.AppPaths;
import dev.cuecard.config.Settings;
import dev.cuecard.config.SettingsStore;
import dev.cuecard.config.UiSettings;
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
import dev.cuecard.testing.ReadOnlyFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop app on a data folder that cannot be written (a read-only disk), as the CLI's
 * {@code debrief} commands already handle it: the Debrief opens what is stored, read-only; deleting
 * a session and saving notes or ratings are off, with the reason shown; the database is unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class ReadOnlyDebriefTest {
    static final String QUESTION = "how would you design a rate limiter for a public api";

    @TempDir
    static Path home;
    Stage primary;
    DesktopApp app;
    byte[] databaseBefore;
    final CountDownLatch exited = new CountDownLatch(1);
    final FxRobot robot = new FxRobot();

    @BeforeAll
    void startAppOnAReadOnlyFolder() throws Exception {
        primary = FxToolkit.registerPrimaryStage();
        AppPaths paths = AppPaths.at(home);
        Template limiter = TemplateLibrary.load(Optional.empty()).all().stream()
                .filter(t -> t.id().equals("rate-limiter")).findFirst().orElseThrow();
        try (SessionStore store = SessionStore.open(paths.databaseFile());
             SessionRecorder r = SessionRecorder.start(store, new SessionInfo(SessionKind.REPLAY, "interview.wav",
                     "interview.wav", null, "model-en-us", null))) {
            r.onEvent(InterviewFixture.transcript(Channel.THEM, 0, 3000, QUESTION));
            r.onEvent(new PipelineEvent.Question(new DetectedQuestion(1, Channel.THEM,
                    new Classification(QUESTION, true, limiter.category(), Optional.of(limiter), 0.9, 1.0), 3000, 3000,
                    false, false)));
        }
        SettingsStore.save(paths, Settings.defaults().withUi(UiSettings.defaults().withConsent(true)));
        databaseBefore = Files.readAllBytes(paths.databaseFile());
        ReadOnlyFolder.make(home);
        DesktopLauncher.useOptions(new DesktopOptions(false, 0, Map.of(AppPaths.HOME_ENV, home.toString())));
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
        app = (DesktopApp) FxToolkit.setupApplication(DesktopApp::new);
        app.exit = exited::countDown;
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    void closeApp() throws Exception {
        try {
            if (primary.isShowing()) {
                FxToolkit.setupFixture(() -> Event.fireEvent(primary, new WindowEvent(primary,
                        WindowEvent.WINDOW_CLOSE_REQUEST)));
            }
            exited.await(30, TimeUnit.SECONDS);
            FxToolkit.cleanupStages();
        } finally {
            ReadOnlyFolder.undo(home);
        }
    }

    private static List<Stage> showing(String titlePrefix) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getTitle() != null && s.getTitle().startsWith(titlePrefix)).map(w -> (Stage) w).toList();
    }

    @Test
    void theDebriefOpensReadOnlyWithWhatCannotBeDoneOffAndWhy() throws Exception {
        Button open = robot.lookup(".button").match(n -> n instanceof Button x && "Debrief".equals(x.getText()))
                .queryButton();
        FxTestSupport.waitUntil(() -> !open.isDisabled()); // once the database has been opened (read-only)
        assertThat(app.model().statusHistory()).anyMatch(m -> m.text().contains("sessions will not be stored")
                && m.text().contains("read-only"));
        FxToolkit.setupFixture(open::fire);
        FxTestSupport.waitUntil(() -> showing(dev.cuecard.ui.debrief.DebriefWindow.TITLE).size() == 1);
        Stage debrief = showing(dev.cuecard.ui.debrief.DebriefWindow.TITLE).get(0);
        FxTestSupport.waitUntil(() -> debrief.getScene().lookup("#question") instanceof Label q
                && QUESTION.equals(q.getText()));

        ListView<?> sessions = (ListView<?>) debrief.getScene().lookup("#sessions");
        assertThat(sessions.getItems()).hasSize(1);
        assertThat(FxTestSupport.onFx(() -> sessions.getSelectionModel().getSelectedItem())).isNotNull();
        assertThat(debrief.getScene().lookup("#delete-session").isDisabled()).as("nothing can be deleted").isTrue();
        assertThat(((Label) debrief.getScene().lookup("#browser-status")).getText())
                .isEqualTo("Read-only: sessions cannot be deleted (the data folder cannot be written)");
        assertThat(debrief.getScene().lookup("#save-review").isDisabled()).isTrue();
        assertThat(debrief.getScene().lookup("#rating-3").isDisabled()).isTrue();
        assertThat(debrief.getScene().lookup("#rating-3")).isInstanceOf(ToggleButton.class);
        assertThat(((TextArea) debrief.getScene().lookup("#note")).isEditable()).isFalse();
        assertThat(((Label) debrief.getScene().lookup("#status")).getText())
                .startsWith("Read-only: notes and ratings cannot be saved — ").contains("cuecard.db");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxTestSupport.onFx(() -> FxTestSupport.elided(debrief.getScene().getRoot())))
                .as("the reasons are shown whole").noneMatch(t -> t.contains("Read-only"));
        // the feedback is there as in a writable folder
        assertThat(((Label) debrief.getScene().lookup("#feedback")).getText()).isNotBlank();

        assertThat(Files.readAllBytes(AppPaths.at(home).databaseFile())).as("nothing was changed")
                .isEqualTo(databaseBefore);
    }
}
