package dev.cuecard.ui;

import atlantafx.base.theme.PrimerDark;
import dev.cuecard.config.AppPaths;
import dev.cuecard.config.LlmSettings;
import dev.cuecard.config.Settings;
import dev.cuecard.config.SettingsStore;
import dev.cuecard.config.UiSettings;
import dev.cuecard.config.UserContext;
import dev.cuecard.hint.HintLevel;
import dev.cuecard.hint.TemplateHintEngine;
import dev.cuecard.hint.llm.LlmConfig;
import dev.cuecard.hint.llm.LlmServices;
import dev.cuecard.hotkey.GlobalHotkeys;
import dev.cuecard.hotkey.HotkeyAction;
import dev.cuecard.hotkey.HotkeyBindings;
import dev.cuecard.hotkey.WindowShortcuts;
import dev.cuecard.pipeline.NamedThreadFactory;
import dev.cuecard.question.SemanticMatcher;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.question.UtteranceClassifier;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app: wires the view model, the bridge, the session runner, the windows and the
 * hotkeys. Started through {@link DesktopLauncher}.
 */
public final class DesktopApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private AppPaths paths;
    private Settings settings;
    private LiveSessionModel model;
    private FxBridge bridge;
    private SessionRunner runner;
    private OverlayWindow overlay;
    private MainWindow main;
    private GlobalHotkeys hotkeys;
    private UtteranceClassifier classifier;
    private Optional<LlmServices> llm = Optional.empty();
    private final ExecutorService background = Executors.newCachedThreadPool(new NamedThreadFactory("ui-work"));
    private FxStallProbe probe;
    private final StartupTimes startup = new StartupTimes();

    @Override
    public void start(Stage stage) {
        DesktopOptions options = DesktopLauncher.options();
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        paths = AppPaths.from(options.env());
        SettingsStore.Loaded loaded = SettingsStore.load(paths);
        settings = loaded.settings();
        // templates, vocabulary and category model load, and the sentence model too, while the window shows
        classifier = UtteranceClassifier.building(() -> TemplateLibrary.load(Optional.of(paths.templatesDir())),
                Optional.of(paths.cacheDir()), r -> NamedThreadFactory.thread("classifier-load", r).start());
        background.execute(() -> SemanticMatcher.preloadShipped(paths.cacheDir()));
        model = new LiveSessionModel(classifier, new TemplateHintEngine());
        model.levelProperty().set(HintLevel.fromId(settings.uiOrDefaults().detailLevel()));
        bridge = new FxBridge(Platform::runLater, model::apply);
        llm = llmServices(options);
        runner = new SessionRunner(settings.modelPath(), classifier, llm.map(LlmServices::hintEngine), bridge,
                model.statusProperty()::set);
        runner.onListening(startup::listening);
        runner.loadSemantics(paths.cacheDir());
        // the speech model loads now, beside the window, not when the first session starts
        background.execute(() -> {
            try {
                runner.speechModel();
            } catch (dev.cuecard.asr.ModelException e) {
                // said when a session starts and cannot load it
            }
        });

        openSessionStore();
        overlay = new OverlayWindow(model, settings.uiOrDefaults(), this::saveOverlayPlace);
        main = new MainWindow(stage, model, new Actions(), settings.themDeviceName(), settings.meDeviceName());
        loaded.problem().ifPresent(model.statusProperty()::set);
        classifier.ready().whenComplete((c, e) -> bridge.post(() -> {
            if (e != null) {
                Throwable why = e.getCause() != null ? e.getCause() : e;
                model.statusProperty().set("Questions cannot be recognised: " + why.getMessage());
            } else {
                c.library().problems().stream().findFirst()
                        .ifPresent(p -> model.statusProperty().set("Template skipped: " + p));
            }
        }));
        model.levelProperty().addListener((o, a, level) -> save(s -> s.withUi(s.uiOrDefaults().withDetailLevel(level.id()))));
        installHotkeys();
        stage.setOnCloseRequest(e -> shutdown());
        stage.show();
        overlay.show();
        startup.windowShown();
        probe = new FxStallProbe();
        // measure the running app, not the first layout of its windows
        PauseTransition warmUp = new PauseTransition(Duration.seconds(2));
        warmUp.setOnFinished(e -> probe.start());
        warmUp.play();
        options.exitAfter().ifPresent(seconds -> {
            PauseTransition quit = new PauseTransition(Duration.seconds(seconds));
            quit.setOnFinished(e -> {
                shutdown();
                Platform.exit();
            });
            quit.play();
        });
        if (!settings.uiOrDefaults().consented() && !options.demo()) {
            if (FirstRunDialog.show(stage)) {
                save(s -> s.withUi(s.uiOrDefaults().withConsent(true)));
                AudioCheckDialog.show(stage, bridge).ifPresent(choice ->
                        save(s -> s.withDevices(choice.them().orElse(null), choice.me().orElse(null))));
            }
        }
        if (options.demo()) {
            startDemo();
        }
    }

    private dev.cuecard.session.SessionStore store;

    /** Sessions are kept in the data folder; a broken database is moved aside by the store and said here. */
    private void openSessionStore() {
        try {
            store = dev.cuecard.session.SessionStore.open(paths.databaseFile());
            runner.storeSessionsIn(store);
            store.notices().stream().findFirst().ifPresent(model.statusProperty()::set);
        } catch (dev.cuecard.session.SessionStoreException e) {
            model.statusProperty().set(e.getMessage() + " — sessions will not be stored");
        }
    }

    /** The one set of LLM clients of this run (one HTTP pool, closed at exit); none when no endpoint is set. */
    private Optional<LlmServices> llmServices(DesktopOptions options) {
        try {
            return LlmConfig.resolve(settings.llmSettings(), options.env())
                    .map(c -> new LlmServices(c, UserContext.load(paths), new NamedThreadFactory("llm-http")));
        } catch (LlmConfig.InvalidConfigException e) {
            model.statusProperty().set(e.getMessage() + "; template hints only");
            return Optional.empty();
        }
    }

    private void installHotkeys() {
        HotkeyBindings bindings;
        try {
            bindings = HotkeyBindings.from(settings.uiOrDefaults().hotkeyMap());
        } catch (IllegalArgumentException e) {
            model.statusProperty().set("Hotkeys: " + e.getMessage() + " — using the defaults");
            bindings = HotkeyBindings.defaults();
        }
        Consumer<HotkeyAction> onFx = this::onHotkey;
        WindowShortcuts.install(main.stage().getScene(), bindings, onFx);
        WindowShortcuts.install(overlay.stage().getScene(), bindings, onFx);
        GlobalHotkeys.Result result = GlobalHotkeys.start(bindings, a -> bridge.post(() -> onHotkey(a)));
        hotkeys = result.hotkeys().orElse(null);
        // said once, in the status line: the app keeps working with in-window shortcuts
        result.unavailable().ifPresent(reason -> model.statusProperty().set("In-window shortcuts only: " + reason));
    }

    void onHotkey(HotkeyAction action) {
        switch (action) {
            case ASK_NOW -> askNow();
            case TOGGLE_OVERLAY -> model.toggleOverlay();
            case PAUSE_RESUME -> model.pausedProperty().set(!model.pausedProperty().get());
            case MORE_DETAIL -> model.moreDetail();
            case LESS_DETAIL -> model.lessDetail();
            case NEXT_HINT -> model.nextHint();
            case PREVIOUS_HINT -> model.previousHint();
        }
    }

    /** Through the running session (stored and drafted like any card), off the FX thread; else on the last transcript. */
    private void askNow() {
        if (!runner.isRunning()) {
            model.askNow();
            return;
        }
        background.submit(() -> {
            if (!runner.askNow()) {
                bridge.post(() -> model.statusProperty().set("Nothing heard yet to hint on"));
            }
        });
    }

    private void startDemo() {
        try {
            DemoRecording.Files2 demo = DemoRecording.extract();
            model.listeningProperty().set(true);
            model.statusProperty().set("Demo: replaying a short mock interview");
            runner.startReplay(demo.them(), Optional.of(demo.me()), 1.0, () -> model.listeningProperty().set(false));
        } catch (IOException e) {
            model.statusProperty().set(e.getMessage());
        }
    }

    private void saveOverlayPlace(UiSettings.WindowBounds b) {
        String screen = overlay.currentScreenKey();
        save(s -> s.withUi(s.uiOrDefaults().withBounds(screen, b)));
    }

    /** Saves a change to the settings file, keeping everything else in it. */
    private void save(java.util.function.UnaryOperator<Settings> change) {
        settings = change.apply(settings);
        try {
            SettingsStore.save(paths, settings);
        } catch (IOException e) {
            model.statusProperty().set("Could not save settings: " + e.getMessage());
        }
    }

    private void shutdown() {
        DesktopLauncher.startup(startup);
        if (probe != null) {
            probe.stop();
            DesktopLauncher.report(probe.report());
        }
        runner.close();
        if (store != null) {
            store.close();
        }
        if (hotkeys != null) {
            hotkeys.close();
        }
        llm.ifPresent(LlmServices::close);
        background.shutdownNow();
    }

    /** The main window's buttons. */
    private final class Actions implements MainWindow.Actions {
        @Override
        public void start(Optional<String> themDevice, Optional<String> meDevice) {
            save(s -> s.withDevices(themDevice.orElse(null), meDevice.orElse(null)));
            model.listeningProperty().set(true);
            runner.startLive(themDevice, meDevice, () -> model.listeningProperty().set(false));
        }

        @Override
        public void startDemo() {
            DesktopApp.this.startDemo();
        }

        @Override
        public void stop() {
            background.submit(runner::stop);
        }

        @Override
        public void setPaused(boolean paused) {
            runner.setPaused(paused);
            model.statusProperty().set(paused ? "Paused — nothing is heard or stored" : "Listening");
        }

        @Override
        public void openDebrief() {
            if (store == null) {
                model.statusProperty().set("No session database — nothing to review");
                return;
            }
            long id = runner.lastSessionId();
            if (id < 0) {
                id = store.list().stream().mapToLong(dev.cuecard.session.SessionSummary::id).max().orElse(-1);
            }
            if (id < 0) {
                model.statusProperty().set("No stored session yet — run one (or the demo) first");
                return;
            }
            dev.cuecard.ui.debrief.DebriefWindow.show(main.stage(), store, id);
        }

        @Override
        public void openPractice() {
            Optional<dev.cuecard.practice.AnswerReviewer> reviewer = llm.map(s ->
                    new dev.cuecard.practice.LlmAnswerReviewer(s.chat(), dev.cuecard.practice.Seniority.MID));
            dev.cuecard.ui.practice.PracticeViewModel vm = new dev.cuecard.ui.practice.PracticeViewModel(
                    classifier.library(), dev.cuecard.practice.AnswerScorer.shipped(), reviewer,
                    Optional.ofNullable(store), DesktopApp.this::speechModel, bridge);
            new dev.cuecard.ui.practice.PracticeWindow(main.stage(), vm).show();
        }

        @Override
        public void openSettings() {
            SettingsDialog d = new SettingsDialog(main.stage(), settings, paths, DesktopApp.this::testConnection);
            try {
                d.showAndWait().ifPresent(s -> {
                    save(old -> s);
                    overlay.setOpacity(s.uiOrDefaults().opacity());
                    overlay.setFontScale(s.uiOrDefaults().scale());
                    model.statusProperty().set("Settings saved (hotkeys, model and LLM apply at the next start)");
                });
            } catch (IOException | IllegalArgumentException e) {
                new Alert(Alert.AlertType.ERROR, "Could not save: " + e.getMessage()).showAndWait();
            }
        }
    }

    private dev.cuecard.asr.SpeechModel speechModel() {
        try {
            return runner.speechModel();
        } catch (dev.cuecard.asr.ModelException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    private void testConnection(LlmSettings llm, Consumer<String> result) {
        background.submit(() -> {
            String line;
            try {
                line = LlmConfig.resolve(llm, DesktopLauncher.options().env())
                        .map(c -> {
                            try (LlmServices trial = new LlmServices(c, UserContext.load(paths), new NamedThreadFactory("llm-http"))) {
                                return trial.checkConnection(classifier);
                            }
                        })
                        .orElse("No endpoint set: Cuecard stays offline with template hints");
            } catch (LlmConfig.InvalidConfigException e) {
                line = e.getMessage();
            } catch (RuntimeException e) {
                LOG.warn("connection test failed", e);
                line = "Not working: " + e.getMessage();
            }
            String message = line;
            bridge.post(() -> result.accept(message));
        });
    }
}
