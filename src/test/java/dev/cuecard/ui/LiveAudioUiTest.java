package dev.cuecard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.hint.TemplateHintEngine;
import dev.cuecard.testing.PulseDaemon;
import dev.cuecard.testing.SpeechFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The desktop app's live audio with a real PulseAudio server (private to this test): the first-run
 * audio check preselects "system" and the default microphone and shows their levels moving while
 * audio plays; Start listens to the system output by default and a question played into it is
 * carded. Runs under Xvfb (.ci/run).
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class LiveAudioUiTest {
    @TempDir
    static Path tmp;
    static PulseDaemon pulse;
    static int micSink;
    static int mic;

    @BeforeAll
    static void setUp() throws Exception {
        Optional<String> missing = PulseDaemon.unavailableReason();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "live audio UI tests skipped: " + missing.orElse(""));
        pulse = PulseDaemon.start(tmp.resolve("pulse"));
        pulse.addSink("ui_call", "Video_call");
        micSink = pulse.addSink("ui_voice", "Voice");
        mic = pulse.addMicrophone("ui_headset_mic", "ui_voice", "Headset_microphone");
        pulse.setDefaultSink("ui_call");
        pulse.run("pactl", "set-default-source", "ui_headset_mic");
        System.setProperty("cuecard.pulse.server", pulse.server()); // the app's catalog talks to this server
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void tearDown() throws Exception {
        System.clearProperty("cuecard.pulse.server");
        if (pulse != null) {
            pulse.close();
        }
    }

    private static void awaitNoCapture() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!pulse.captureStreams().isEmpty()) {
            assertThat(System.nanoTime()).as("capture streams left: " + pulse.captureStreams()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void theAudioCheckPicksSystemAndTheMicrophoneAndTheirLevelsMove() throws Exception {
        FxBridge bridge = new FxBridge(Platform::runLater, e -> { });
        String before = FxTestSupport.onFx(javafx.application.Application::getUserAgentStylesheet);
        Platform.runLater(() -> {
            // the app's theme (DesktopApp): with its sizes the dialog was short of room for the meters
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
            AudioCheckDialog.show(null, bridge, new FxTaskExecutor(Platform::runLater));
            javafx.application.Application.setUserAgentStylesheet(before); // once the dialog is closed
        });
        FxTestSupport.waitUntil(() -> dialogPane().isPresent());
        DialogPane pane = dialogPane().orElseThrow();
        List<ComboBox<?>> pickers = FxTestSupport.onFx(() -> pane.lookupAll(".combo-box").stream()
                .<ComboBox<?>>map(n -> (ComboBox<?>) n).toList());
        List<LevelMeterBar> meters = FxTestSupport.onFx(() -> pane.lookupAll(".progress-bar").stream()
                .filter(n -> n instanceof LevelMeterBar).map(n -> (LevelMeterBar) n).toList());
        assertThat(pickers).hasSize(2);
        assertThat(meters).hasSize(2);
        // the devices are listed off the FX thread; then the likely ones are picked
        FxTestSupport.waitUntil(() -> "system".equals(FxTestSupport.onFx(() -> pickers.get(0).getValue())));
        assertThat(FxTestSupport.onFx(() -> pickers.get(1).getValue())).isEqualTo("default");
        // the help says the interviewer needs no setup here
        assertThat(FxTestSupport.onFx(() -> pane.lookupAll(".label").stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).anyMatch(t -> t != null && t.contains("no setup"))))
                .isTrue();

        Process call = pulse.play("ui_call", SpeechFixtures.wav("queue-awb"));
        Process voice = pulse.play("ui_voice", SpeechFixtures.wav("tell-me-slt"));
        // speech at about −20 dBFS fills two thirds of a meter; silence leaves it empty
        FxTestSupport.waitUntil(() -> meters.get(0).getProgress() > 0.3);
        FxTestSupport.waitUntil(() -> meters.get(1).getProgress() > 0.3);
        // and the user sees it: a meter squeezed to no height by the dialog's layout was drawn as nothing
        for (LevelMeterBar m : meters) {
            FxTestSupport.waitUntil(() -> FxTestSupport.onFx(() -> drawnFill(m)) > 0.3 * m.getWidth());
        }
        call.waitFor();
        voice.waitFor();

        FxTestSupport.onFx(() -> ((Button) pane.lookupButton(ButtonType.CANCEL)).fire());
        awaitNoCapture(); // closing the check stops its captures
    }

    @Test
    void aDevicePluggedInWhileTheAppRunsAppearsWhenAPickerOpens() throws Exception {
        LiveSessionModel model = FxTestSupport.onFx(() -> new LiveSessionModel(FxTestSupport.CLASSIFIER,
                new TemplateHintEngine()));
        ComboBox<?> them = themPicker(model);
        try {
            assertThat(FxTestSupport.onFx(() -> them.getItems().contains("ui_usb.monitor"))).isFalse();
            int usb = pulse.addSink("ui_usb", "USB_headset");
            try {
                FxTestSupport.onFx(them::show);
                assertThat(FxTestSupport.onFx(() -> them.getItems().contains("ui_usb.monitor"))).isTrue();
                assertThat(FxTestSupport.onFx(() -> them.getValue())).as("the choice stays").isEqualTo("system");
                FxTestSupport.onFx(them::hide);
            } finally {
                pulse.unload(usb);
            }
        } finally {
            FxToolkit.cleanupStages();
        }
    }

    @Test
    void aPickerStillShowsItsDeviceWhenItsListWasOpenedBetweenTwoSessions() throws Exception {
        LiveSessionModel model = FxTestSupport.onFx(() -> new LiveSessionModel(FxTestSupport.CLASSIFIER,
                new TemplateHintEngine()));
        ComboBox<?> them = themPicker(model);
        try {
            assertThat(FxTestSupport.onFx(() -> them.getValue())).isEqualTo("system");
            String label = FxTestSupport.shown(them);
            assertThat(label).startsWith("what you hear");
            // start, stop, look at the list (it is read again: the same devices) and close it: the choice is still shown
            FxTestSupport.onFx(() -> model.listeningProperty().set(true));
            FxTestSupport.onFx(() -> model.listeningProperty().set(false));
            FxTestSupport.onFx(them::show);
            assertThat(FxTestSupport.shown(them)).as("while the list is open").isEqualTo(label);
            FxTestSupport.onFx(them::hide);
            assertThat(FxTestSupport.onFx(() -> them.getValue())).isEqualTo("system");
            assertThat(FxTestSupport.shown(them)).as("once the list is closed").isEqualTo(label);
        } finally {
            FxToolkit.cleanupStages();
        }
    }

    /**
     * A main window showing this machine's devices, and its interviewer picker. The app lists the devices in
     * the background, then shows them (listing on the FX thread timed out under load).
     */
    private static ComboBox<?> themPicker(LiveSessionModel model) throws Exception {
        dev.cuecard.audio.DeviceCatalog catalog = DevicePickers.catalog();
        List<dev.cuecard.audio.AudioDevice> devices = catalog.list();
        MainWindow window = FxTestSupport.onFx(() -> {
            Stage stage = new Stage();
            MainWindow w = new MainWindow(stage, model, new NoActions(), Optional.empty(), Optional.empty());
            w.showDevices(catalog, devices);
            stage.show();
            return w;
        });
        return FxTestSupport.onFx(() -> (ComboBox<?>) window.stage().getScene().getRoot()
                .lookupAll(".combo-box").iterator().next());
    }

    /** A main window whose buttons do nothing. */
    private static final class NoActions implements MainWindow.Actions {
        @Override
        public void start(Optional<String> themDevice, Optional<String> meDevice) {
        }

        @Override
        public void startDemo() {
        }

        @Override
        public void stop() {
        }

        @Override
        public void setPaused(boolean paused) {
        }

        @Override
        public void openSettings() {
        }

        @Override
        public void openDebrief() {
        }

        @Override
        public void openPractice() {
        }
    }

    /** The width of a meter's fill as drawn: 0 when it has no height to be drawn in. */
    private static double drawnFill(LevelMeterBar meter) {
        javafx.scene.layout.Region fill = (javafx.scene.layout.Region) meter.lookup(".bar");
        return fill.getHeight() > 0 ? fill.getWidth() : 0;
    }

    private static Optional<DialogPane> dialogPane() {
        return Window.getWindows().stream().filter(Window::isShowing)
                .map(w -> w.getScene() == null ? null : w.getScene().getRoot())
                .filter(r -> r instanceof DialogPane).map(r -> (DialogPane) r)
                .filter(p -> "Check your audio".equals(p.getHeaderText())).findFirst();
    }

    @Test
    void startListensToTheSystemOutputByDefaultAndAQuestionPlayedIntoItIsCarded() throws Exception {
        LiveSessionModel model = FxTestSupport.onFx(() -> new LiveSessionModel(FxTestSupport.CLASSIFIER,
                new TemplateHintEngine()));
        FxBridge bridge = new FxBridge(Platform::runLater, model::apply);
        SessionRunner runner = new SessionRunner(Optional.empty(), FxTestSupport.CLASSIFIER, Optional.empty(), bridge,
                model::say);
        List<Optional<String>> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        MainWindow.Actions actions = new MainWindow.Actions() {
            @Override
            public void start(Optional<String> themDevice, Optional<String> meDevice) {
                started.add(themDevice);
                started.add(meDevice);
                model.listeningProperty().set(true);
                runner.startLive(themDevice, meDevice, () -> model.listeningProperty().set(false));
            }

            @Override
            public void startDemo() {
            }

            @Override
            public void stop() {
            }

            @Override
            public void setPaused(boolean paused) {
            }

            @Override
            public void openSettings() {
            }

            @Override
            public void openDebrief() {
            }

            @Override
            public void openPractice() {
            }
        };
        try {
            dev.cuecard.audio.DeviceCatalog catalog = DevicePickers.catalog();
            List<dev.cuecard.audio.AudioDevice> devices = catalog.list(); // off the FX thread, as the app does
            MainWindow window = FxTestSupport.onFx(() -> {
                Stage stage = new Stage();
                MainWindow w = new MainWindow(stage, model, actions, Optional.empty(), Optional.empty());
                w.showDevices(catalog, devices);
                stage.show();
                return w;
            });
            Button start = FxTestSupport.onFx(() -> (Button) window.stage().getScene().getRoot().lookupAll(".button")
                    .stream().filter(n -> n instanceof Button b && "Start".equals(b.getText())).findFirst().orElseThrow());
            FxTestSupport.onFx(start::fire);
            assertThat(started).containsExactly(Optional.of("system"), Optional.of("default"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (pulse.captureStreams().size() < 2) {
                assertThat(System.nanoTime()).as(() -> "never listening: " + model.statusProperty().get())
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
            Process question = pulse.play("ui_call", SpeechFixtures.wav("rate-limiter-slt"));
            question.waitFor();
            FxTestSupport.waitUntil(() -> !model.questions().isEmpty());
            assertThat(FxTestSupport.onFx(() -> model.questions().get(0).classification().category().id()))
                    .isEqualTo("system_design");
        } finally {
            runner.close();
            FxToolkit.cleanupStages();
        }
        awaitNoCapture();
    }

}
