package dev.cuecard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.config.AppPaths;
import dev.cuecard.config.Settings;
import dev.cuecard.config.SettingsStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The desktop app's first start on an empty data folder: the consent screen, then the audio check. */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class FirstRunTest {
    @TempDir
    Path home;

    @Test
    void theDevicesChosenInTheAudioCheckAreTheOnesTheMainWindowStartsWith() throws Exception {
        Stage primary = FxToolkit.registerPrimaryStage();
        DesktopLauncher.useOptions(new DesktopOptions(false, 0, Map.of(AppPaths.HOME_ENV, home.toString())));
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
        CountDownLatch exited = new CountDownLatch(1);
        FxToolkit.setupApplication(() -> {
            DesktopApp app = new DesktopApp();
            app.exit = exited::countDown;
            // the user confirms the first-run screen and picks both devices in the audio check
            app.firstRun = owner -> true;
            app.audioCheck = owner -> Optional.of(new AudioCheckDialog.Choice(Optional.of("system"),
                    Optional.of("headset-mic")));
            return app;
        });
        try {
            FxRobot robot = new FxRobot();
            // the device list comes from the background; the pickers keep their choice through it
            FxTestSupport.waitUntil(() -> robot.lookup(".label").queryAllAs(Label.class).stream()
                    .noneMatch(l -> "Looking for capture devices…".equals(l.getText())));
            WaitForAsyncUtils.waitForFxEvents();
            ComboBox<?> them = robot.lookup(n -> n instanceof ComboBox<?> c
                    && "Interviewer audio device".equals(c.getAccessibleText())).queryComboBox();
            ComboBox<?> me = robot.lookup(n -> n instanceof ComboBox<?> c
                    && "Your microphone".equals(c.getAccessibleText())).queryComboBox();
            // the main window showed "(none)" for the microphone just chosen, and Start saved that over it
            assertThat(me.getValue()).isEqualTo("headset-mic");
            assertThat(them.getValue()).isEqualTo("system");
            Settings saved = SettingsStore.load(AppPaths.at(home)).settings();
            assertThat(saved.meDeviceName()).contains("headset-mic");
            assertThat(saved.uiOrDefaults().consented()).isTrue();
        } finally {
            FxToolkit.setupFixture(() -> Event.fireEvent(primary, new WindowEvent(primary,
                    WindowEvent.WINDOW_CLOSE_REQUEST)));
            exited.await(30, TimeUnit.SECONDS);
            FxToolkit.cleanupStages();
        }
    }
}
