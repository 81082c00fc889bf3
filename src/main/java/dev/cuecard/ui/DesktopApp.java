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
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app: wires the view model, the bridge, the session runner, the windows and the
 * hotkeys. Started through {@link DesktopLauncher}. Slow work — the database, device lists,
 * debrief and practice, the hotkey hook, shutting down — goes through {@link TaskExecutor}, off
 * the FX thread. One Debrief and one Practice window at most; closing the main window quits.
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
    /** Start-up loading beside the window (speech and sentence models). */
    private final ExecutorService background = Executors.newCachedThreadPool(NamedThreadFactory.background("model-load"));
    private TaskExecutor tasks;
    /** Debrief reads and writes, in the order asked. */
    private TaskExecutor debriefLane;
    /**
     * Judges a debrief's key points by meaning (seconds to a minute the first time for an hour's interview), at a
     * low priority: a live session started meanwhile keeps its cores.
     */
    private TaskExecutor keyPointLane;
    private final WindowSlot debriefWindow = new WindowSlot();
    /** The open debrief window's sessions, read again when it is asked for while open. */
    private dev.cuecard.ui.debrief.SessionBrowserModel debriefBrowser;
    private final WindowSlot practiceWindow = new WindowSlot();
    private java.util.concurrent.Future<GlobalHotkeys.Result> hotkeysStarting;
    private java.util.concurrent.Future<dev.cuecard.session.SessionStore> storeOpening;
    /** False until the database is open (or failed to open); what needs it waits in storeWaiters. */
    private boolean storeSettled;
    private final java.util.List<Runnable> storeWaiters = new java.util.ArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean quitting = new java.util.concurrent.atomic.AtomicBoolean();
    private FxStallProbe probe;
    private final StartupTimes startup = new StartupTimes();
    /**
     * Model loading (classifier, sentence and speech models) starts once the window is up: started
     * at the beginning of {@link #start}, its three threads slowed building and showing the window
     * on 2 cores by ~1.2 s, and listening came no sooner (scripts/startup-bench.sh, BENCHMARKS.md).
     */
    private final java.util.List<Runnable> afterWindowShown = new java.util.ArrayList<>();
    /** Ends the JavaFX application; a test running the app in-process replaces it. */
    Runnable exit = Platform::exit;
    /** The first-run screens, over the main window (a test answers them). */
    java.util.function.Predicate<Stage> firstRun = FirstRunDialog::show;
    java.util.function.Function<Stage, Optional<AudioCheckDialog.Choice>> audioCheck =
            owner -> AudioCheckDialog.show(owner, bridge, tasks);

    /** The settings file's problem, said once the window shows. */
    private Optional<String> settingsProblem = Optional.empty();
    private boolean prepared;
    /** Whether the renderer's warm-up had painted when {@link #start} began (a test reads it). */
    private volatile boolean warmedUp;
    private boolean warmedUpBeforeStart;
    /** Whether both windows were laid out as they were shown, their first frame left only to paint (a test reads it). */
    private boolean laidOutWhenShown;
    /** What can wait until the windows' first frames are painted. */
    private final AfterFrames firstFrames = new AfterFrames();
    /** Whether the device list filled the pickers after the first frames were painted; null until it did (a test reads it). */
    private volatile Boolean devicesShownAfterFirstFrames;

    /**
     * On the launcher thread, before {@link #start}: the FX thread would wait idle meanwhile, so it
     * sets the theme and warms up the renderer ({@link RendererWarmUp}) while this thread prepares
     * what needs no FX thread.
     */
    @Override
    public void init() {
        if (RendererWarmUp.ON) {
            Platform.runLater(() -> {
                useTheme();
                RendererWarmUp.paint();
                warmedUp = true;
            });
        }
        prepare();
    }

    private static void useTheme() {
        String theme = new PrimerDark().getUserAgentStylesheet();
        if (!theme.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(theme);
        }
    }

    /** Settings, view model and session runner: nothing here needs the FX thread. Once. */
    private void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        DesktopOptions options = DesktopLauncher.options();
        paths = AppPaths.from(options.env());
        SettingsStore.Loaded loaded = SettingsStore.load(paths);
        settings = loaded.settings();
        settingsProblem = loaded.problem();
        // templates, vocabulary and category model load, and the sentence model too, once the window shows
        classifier = UtteranceClassifier.building(() -> TemplateLibrary.load(Optional.of(paths.templatesDir())),
                Optional.of(paths.cacheDir()),
                r -> afterWindowShown.add(() -> NamedThreadFactory.backgroundThread("classifier-load", r).start()));
        afterWindowShown.add(() -> background.execute(() -> SemanticMatcher.preloadShipped(paths.cacheDir())));
        model = new LiveSessionModel(classifier, new TemplateHintEngine());
        model.levelProperty().set(HintLevel.fromId(settings.uiOrDefaults().detailLevel()));
        model.coach().shownProperty().set(settings.uiOrDefaults().coachShown());
        bridge = new FxBridge(Platform::runLater, model::apply);
        tasks = new FxTaskExecutor(bridge::post);
        debriefLane = tasks.serial("debrief");
        keyPointLane = tasks.backgroundSerial("debrief-key-points");
        // the app ends when its windows are closed and everything is stopped (quit), not before
        Platform.setImplicitExit(false);
        llm = llmServices(options);
        runner = new SessionRunner(settings.modelPath(), classifier, llm.map(LlmServices::hintEngine), bridge,
                model::say);
        runner.onListening(startup::listening);
        runner.onSessionStart(model::sessionStarted);
        runner.onSessionStored(id -> bridge.post(() -> judgeAhead(id))); // the store is the FX thread's
        runner.loadSemantics(paths.cacheDir());
        // the speech model loads beside the window, not when the first session starts
        afterWindowShown.add(() -> background.execute(() -> {
            try {
                runner.warmUp();
            } catch (dev.cuecard.asr.ModelException e) {
                // said when a session starts and cannot load it
            }
        }));
    }

    @Override
    public void start(Stage stage) {
        warmedUpBeforeStart = warmedUp;
        useTheme();
        prepare();
        DesktopOptions options = DesktopLauncher.options();
        openSessionStore();
        overlay = new OverlayWindow(model, settings.uiOrDefaults(), this::saveOverlayPlace);
        main = new MainWindow(stage, model, new Actions(), settings.themDeviceName(), settings.meDeviceName());
        settingsProblem.ifPresent(m -> model.say(StatusMessage.warning(m)));
        classifier.ready().whenComplete((c, e) -> bridge.post(() -> {
            if (e != null) {
                Throwable why = e.getCause() != null ? e.getCause() : e;
                model.say(StatusMessage.error("Questions cannot be recognised: " + why.getMessage()));
            } else {
                c.library().problems().stream().findFirst()
                        .ifPresent(p -> model.say(StatusMessage.warning("Template skipped: " + p)));
            }
        }));
        model.levelProperty().addListener((o, a, level) -> save(s -> s.withUi(s.uiOrDefaults().withDetailLevel(level.id()))));
        model.coach().shownProperty().addListener((o, a, on) -> save(s -> s.withUi(s.uiOrDefaults().withAnswerCoach(on))));
        if (options.fxBench()) {
            // from the first frame: the start-up is one of the phases measured
            probe = new FxStallProbe();
            probe.phase("start-up");
            probe.start();
        }
        installHotkeys();
        dev.cuecard.audio.DeviceCatalog catalog = DevicePickers.catalog();
        // listed in ~50 ms, it filled the pickers (6-18 ms of FX work) in the middle of the first frames
        tasks.submit(catalog::list, devices -> firstFrames.run(() -> {
                    devicesShownAfterFirstFrames = firstFrames.painted();
                    main.showDevices(catalog, devices);
                }),
                e -> model.say(StatusMessage.warning("Could not list the capture devices: " + e.getMessage())));
        stage.setOnCloseRequest(e -> quit());
        // both windows styled before either shows: they appear together, their first frame only paints
        if (FirstFrame.ON) {
            FirstFrame.prepare(stage.getScene());
            if (model.overlayVisibleProperty().get()) {
                FirstFrame.prepare(overlay.stage().getScene());
            }
        }
        stage.show();
        overlay.show();
        firstFrames.start(2);
        laidOutWhenShown = !FirstFrame.needsLayout(stage.getScene()) && !FirstFrame.needsLayout(overlay.stage().getScene());
        startup.windowShown();
        afterWindowShown.forEach(Runnable::run);
        afterWindowShown.clear();
        // once the start-up work is done: the debrief's first opening then costs what a second one does
        ControlWarmUp.after(Duration.seconds(4), java.util.stream.Stream.concat(
                dev.cuecard.ui.debrief.DebriefWarmUp.parts().stream(),
                dev.cuecard.ui.practice.PracticeWarmUp.parts().stream()).toList());
        if (options.fxBench()) {
            new FxBench(probe, new Actions(), model, debriefWindow::stage, practiceWindow::stage, this::quit).run();
        } else {
            probe = new FxStallProbe();
            // measure the running app, not the first layout of its windows
            PauseTransition warmUp = new PauseTransition(Duration.seconds(2));
            warmUp.setOnFinished(e -> probe.start());
            warmUp.play();
        }
        options.exitAfter().ifPresent(seconds -> {
            PauseTransition quit = new PauseTransition(Duration.seconds(seconds));
            quit.setOnFinished(e -> quit());
            quit.play();
        });
        if (!settings.uiOrDefaults().consented() && !options.demo() && !options.fxBench()) {
            if (firstRun.test(stage)) {
                save(s -> s.withUi(s.uiOrDefaults().withConsent(true)));
                audioCheck.apply(stage).ifPresent(choice -> {
                    save(s -> s.withDevices(choice.them().orElse(null), choice.me().orElse(null)));
                    // the pickers Start reads: they kept showing the devices of before the check, and the
                    // first Start saved those over the ones just chosen
                    main.choose(choice.them(), choice.me());
                });
            }
        }
        if (options.demo()) {
            afterStoreOpened(this::startDemo);
        }
    }

    private dev.cuecard.session.SessionStore store;

    /**
     * Judges a just-stored session's answers by meaning on the debrief's low-priority lane, as the
     * debrief will: what it measures is kept, so opening the debrief of an hour's interview shows its
     * key points at once instead of after ~12 s of work (BENCHMARKS "Long debriefs").
     */
    private void judgeAhead(long sessionId) { // FX thread
        dev.cuecard.session.SessionStore s = store;
        if (s == null) {
            return;
        }
        keyPointLane.run(() -> s.load(sessionId).ifPresent(detail ->
                        dev.cuecard.session.debrief.DebriefBuilder.byMeaning(classifier.library()).build(detail)),
                () -> { }, e -> LOG.debug("key points of session {} not judged ahead: {}", sessionId, e.toString()));
    }

    /**
     * Sessions are kept in the data folder; opening (and migrating) the database happens in the
     * background, and sessions, debrief and practice wait for it. A broken database is moved aside
     * by the store and said here.
     */
    private void openSessionStore() {
        java.nio.file.Path file = paths.databaseFile();
        // a data folder that cannot be written still shows what is stored: the debrief opens read-only
        storeOpening = tasks.submit(() -> dev.cuecard.session.SessionStore.openForReading(file), opened -> {
            store = opened;
            model.sessionsAvailableProperty().set(true);
            if (opened.readOnlyReason().isPresent()) {
                model.say(StatusMessage.error(opened.readOnlyReason().get() + " — sessions will not be stored; "
                        + "the debrief shows what is stored, read-only"));
            } else {
                runner.storeSessionsIn(opened);
            }
            opened.notices().stream().findFirst().ifPresent(m -> model.say(StatusMessage.warning(m)));
            storeSettled();
        }, e -> {
            LOG.warn("session database unavailable", e);
            model.say(StatusMessage.error(e.getMessage() + " — sessions will not be stored"));
            storeSettled();
        });
    }

    private void storeSettled() {
        storeSettled = true;
        storeWaiters.forEach(Runnable::run);
        storeWaiters.clear();
    }

    /** Runs {@code r} on the FX thread once the database is open or known to be unavailable. */
    private void afterStoreOpened(Runnable r) {
        if (storeSettled) {
            r.run();
        } else {
            storeWaiters.add(r);
        }
    }

    /** The one set of LLM clients of this run (one HTTP pool, closed at exit); none when no endpoint is set. */
    private Optional<LlmServices> llmServices(DesktopOptions options) {
        try {
            return LlmConfig.resolve(settings.llmSettings(), options.env())
                    .map(c -> new LlmServices(c, UserContext.load(paths), new NamedThreadFactory("llm-http")));
        } catch (LlmConfig.InvalidConfigException e) {
            model.say(StatusMessage.warning(e.getMessage() + "; template hints only"));
            return Optional.empty();
        }
    }

    private void installHotkeys() {
        HotkeyBindings.Lenient read = HotkeyBindings.lenient(settings.uiOrDefaults().hotkeyMap());
        if (!read.problems().isEmpty()) {
            model.say(StatusMessage.warning("Hotkeys: " + String.join("; ", read.problems())));
        }
        HotkeyBindings chords = read.bindings();
        // the global hook sees every key, also those typed into Cuecard's own windows: in-window
        // shortcuts only where it cannot run, or one press would act twice (registering takes
        // ~130 ms, so in the background)
        hotkeysStarting = tasks.submit(() -> GlobalHotkeys.start(chords, a -> bridge.post(() -> onHotkey(a))),
                result -> {
                    hotkeys = result.hotkeys().orElse(null);
                    // said once, in the status line: the app keeps working with in-window shortcuts
                    result.unavailable().ifPresent(reason -> {
                        installWindowShortcuts(chords);
                        model.say(StatusMessage.warning("In-window shortcuts only: " + reason));
                    });
                }, e -> {
                    installWindowShortcuts(chords);
                    model.say(StatusMessage.warning("In-window shortcuts only: " + e.getMessage()));
                });
    }

    private void installWindowShortcuts(HotkeyBindings bindings) {
        Consumer<HotkeyAction> onFx = this::onHotkey;
        WindowShortcuts.install(main.stage().getScene(), bindings, onFx);
        WindowShortcuts.install(overlay.stage().getScene(), bindings, onFx);
    }

    void onHotkey(HotkeyAction action) {
        switch (action) {
            case ASK_NOW -> askNow();
            case TOGGLE_OVERLAY -> model.toggleOverlay();
            case PAUSE_RESUME -> pauseOrResume();
            case MORE_DETAIL -> model.moreDetail();
            case LESS_DETAIL -> model.lessDetail();
            case NEXT_HINT -> model.nextHint();
            case PREVIOUS_HINT -> model.previousHint();
            case TOGGLE_COACH -> model.coach().toggle();
        }
    }

    /** Through the running session (stored and drafted like any card), off the FX thread; else on the last transcript. */
    /**
     * The hotkey acts only on a session that listens, as the (then disabled) button does: with none it
     * said "Paused — nothing is heard or stored" and left the Pause button pressed for a next session
     * that was not paused.
     */
    private void pauseOrResume() {
        if (!model.listeningProperty().get()) {
            model.say(StatusMessage.info("Nothing to pause: no session is listening"));
            return;
        }
        model.pausedProperty().set(!model.pausedProperty().get());
    }

    private void askNow() {
        if (!runner.isRunning()) {
            model.askNow();
            return;
        }
        tasks.submit(runner::askNow, asked -> {
            if (!asked) {
                model.say(StatusMessage.info("Nothing heard yet to hint on"));
            }
        }, e -> LOG.warn("ask now failed", e));
    }

    private void startDemo() {
        sessionStarting();
        // 1.5 MB of recordings copied out of the jar: not on the FX thread
        tasks.submit(DemoRecording::extract, demo -> {
            model.say(StatusMessage.info("Demo: replaying a short mock interview"));
            runner.startReplay(demo.them(), Optional.of(demo.me()), 1.0, () -> model.listeningProperty().set(false));
        }, e -> {
            model.listeningProperty().set(false);
            model.say(StatusMessage.error(e.getMessage()));
        });
    }

    /** A session is starting; when it really starts, the runner clears the previous one's cards (they stay stored). */
    private void sessionStarting() {
        model.listeningProperty().set(true);
        model.listeningNote(whereTextGoes(llm.map(LlmServices::config)));
    }

    /** Said as each session starts (the demo too, which skips the first-run screen): whether anything leaves the machine. */
    static String whereTextGoes(Optional<dev.cuecard.hint.llm.LlmConfig> llm) {
        return llm.map(c -> c.offMachine()
                        ? "Questions go to the LLM at " + c.destination() + " for hints (set in Settings → LLM)"
                        : "LLM on this machine (" + c.destination() + "): nothing leaves it")
                .orElse("Offline: template hints, nothing leaves this machine");
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
            model.say(StatusMessage.error("Could not save settings: " + e.getMessage()));
        }
    }

    /**
     * Closing the main window quits: every window closes at once, then sessions, hotkeys and the
     * database stop on a shutdown thread (joins can take seconds) and the app exits.
     */
    private void quit() {
        if (!quitting.compareAndSet(false, true)) {
            return;
        }
        DesktopLauncher.startup(startup);
        if (probe != null) {
            probe.stop();
            DesktopLauncher.report(probe.report());
        }
        debriefWindow.close();
        practiceWindow.close();
        overlay.stage().hide();
        main.stage().hide();
        // should a join hang, the app still ends
        PauseTransition watchdog = new PauseTransition(Duration.seconds(20));
        watchdog.setOnFinished(e -> exit.run());
        watchdog.play();
        NamedThreadFactory.thread("shutdown", () -> {
            try {
                runner.close();
                closeHotkeys();
                closeStore();
                tasks.shutdown(java.time.Duration.ofSeconds(5));
                llm.ifPresent(LlmServices::close);
                background.shutdownNow();
            } catch (RuntimeException e) {
                LOG.error("shutting down failed", e);
            } finally {
                exit.run();
            }
        }).start();
    }

    private void closeHotkeys() {
        try {
            GlobalHotkeys.Result r = hotkeysStarting.get(5, java.util.concurrent.TimeUnit.SECONDS);
            r.hotkeys().ifPresent(GlobalHotkeys::close);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                 | java.util.concurrent.CancellationException e) {
            LOG.debug("no global hotkeys to stop: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** After the runner: its recorder writes the last of the session first. */
    private void closeStore() {
        try {
            storeOpening.get(10, java.util.concurrent.TimeUnit.SECONDS).close();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                 | java.util.concurrent.CancellationException e) {
            LOG.debug("no session database to close: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The debrief window's sessions and scene, built and styled in the background, for the FX thread to show. */
    private record PreparedDebrief(dev.cuecard.ui.debrief.SessionBrowserModel browser, javafx.scene.Scene scene) {
    }

    /** The main window's buttons. */
    private final class Actions implements MainWindow.Actions {
        @Override
        public void start(Optional<String> themDevice, Optional<String> meDevice) {
            // no live session without the first-run confirmation (it may have been cancelled at start)
            if (!settings.uiOrDefaults().consented()) {
                if (!FirstRunDialog.show(main.stage())) {
                    model.say(StatusMessage.warning("Not started: confirm the first-run screen to listen to an interview"
                            + " (Demo and Practice need no confirmation)"));
                    return;
                }
                save(x -> x.withUi(x.uiOrDefaults().withConsent(true)));
            }
            save(s -> s.withDevices(themDevice.orElse(null), meDevice.orElse(null)));
            sessionStarting();
            afterStoreOpened(() -> runner.startLive(themDevice, meDevice, () -> model.listeningProperty().set(false)));
        }

        @Override
        public void startDemo() {
            model.listeningProperty().set(true);
            afterStoreOpened(DesktopApp.this::startDemo);
        }

        @Override
        public void stop() {
            tasks.run(runner::stop, () -> { }, e -> LOG.warn("stopping the session failed", e));
        }

        @Override
        public void setPaused(boolean paused) {
            runner.setPaused(paused);
            model.say(paused ? StatusMessage.warning("Paused — nothing is heard or stored until you resume")
                    : StatusMessage.success("Listening"));
        }

        @Override
        public void openDebrief() {
            if (debriefWindow.isOpening()) {
                return;
            }
            // even when open: a newer session may have been stored since (checked in the background)
            debriefWindow.opening();
            afterStoreOpened(this::loadDebrief);
        }

        /**
         * The session list with the newest session's debrief: the open window is brought to the
         * front with its list read again (a session may have ended since), else it is prepared
         * in the background.
         */
        private void loadDebrief() {
            dev.cuecard.session.SessionStore s = store;
            if (s == null) {
                debriefWindow.failed();
                model.say(StatusMessage.error("No session database — nothing to review"));
                return;
            }
            Optional<Stage> open = debriefWindow.stage();
            if (open.isPresent() && debriefBrowser != null) {
                debriefWindow.opened(open.get());
                debriefBrowser.refresh();
                WindowSlot.focus(open.get());
                return;
            }
            long last = runner.lastSessionId();
            // the user's templates too: key points of questions whose hint was not stored come from them
            // key points by meaning, as `cuecard debrief show` judges them (one builder for both), judged on a
            // lane of their own after the window shows the debrief
            dev.cuecard.session.debrief.DebriefBuilder builder = dev.cuecard.session.debrief.DebriefBuilder.byMeaning(
                    classifier.library());
            tasks.submit(() -> {
                dev.cuecard.ui.debrief.SessionBrowserModel browser = dev.cuecard.ui.debrief.SessionBrowserModel.loaded(s,
                        builder, debriefLane, keyPointLane, last >= 0 ? java.util.OptionalLong.of(last)
                                : java.util.OptionalLong.empty());
                return new PreparedDebrief(browser, dev.cuecard.ui.debrief.DebriefWindow.prepare(browser));
            }, prepared -> {
                debriefBrowser = prepared.browser();
                debriefWindow.opened(dev.cuecard.ui.debrief.DebriefWindow.show(main.stage(), debriefWindow.stage(),
                        prepared.scene()));
                if (prepared.browser().sessions().isEmpty()) {
                    model.say(StatusMessage.info("No stored session yet — run one (or the demo) first"));
                }
            }, e -> {
                debriefWindow.failed();
                LOG.warn("debrief failed", e);
                model.say(StatusMessage.error("Could not open the debrief: " + e.getMessage()));
            });
        }

        @Override
        public void openPractice() {
            if (practiceWindow.focusIfOpen()) {
                return;
            }
            practiceWindow.opening();
            afterStoreOpened(() -> {
                Optional<dev.cuecard.practice.AnswerReviewer> review = llm.map(s ->
                        new dev.cuecard.practice.LlmAnswerReviewer(s.chat(), dev.cuecard.practice.Seniority.MID));
                // practice stores its rounds: without a writable database it runs unsaved, as before
                Optional<dev.cuecard.session.SessionStore> sessions = Optional.ofNullable(store)
                        .filter(st -> !st.isReadOnly());
                // the rubric loads and the window's nodes are built in the background (styled on the FX thread)
                tasks.submit(() -> new dev.cuecard.ui.practice.PracticeWindow(new dev.cuecard.ui.practice.PracticeViewModel(
                        classifier.library(), dev.cuecard.practice.AnswerScorer.shipped(), review, sessions,
                        DesktopApp.this::speechModel, tasks)), w -> {
                            w.show(main.stage());
                            practiceWindow.opened(w.stage());
                        }, e -> {
                            practiceWindow.failed();
                            LOG.warn("practice failed", e);
                            model.say(StatusMessage.error("Could not open practice: " + e.getMessage()));
                        });
            });
        }

        @Override
        public void openSettings() {
            SettingsDialog.Services services = new SettingsDialog.Services() {
                @Override
                public void testConnection(LlmSettings llm, Consumer<String> result) {
                    DesktopApp.this.testConnection(llm, result);
                }

                @Override
                public void previewOverlay(double opacity, double fontScale) {
                    overlay.setOpacity(opacity);
                    overlay.setFontScale(fontScale);
                }
            };
            SettingsDialog d = new SettingsDialog(main.stage(), settings, paths, services, tasks);
            Settings before = settings;
            try {
                d.showAndWait().ifPresent(s -> {
                    save(old -> s);
                    // applied now: the overlay's look, and the devices the next Start uses
                    overlay.applyLook(settings.uiOrDefaults());
                    model.coach().shownProperty().set(s.uiOrDefaults().coachShown());
                    main.choose(s.themDeviceName(), s.meDeviceName());
                    java.util.List<String> restart = SettingsDialog.needRestart(before, s);
                    model.say(restart.isEmpty() ? StatusMessage.success("Settings saved and applied")
                            : StatusMessage.warning("Settings saved — restart Cuecard to apply the new "
                            + String.join(", ", restart)));
                });
            } catch (IOException | IllegalArgumentException e) {
                model.say(StatusMessage.error("Could not save the settings: " + e.getMessage()));
            }
        }
    }

    // visible for tests
    LiveSessionModel model() {
        return model;
    }

    OverlayWindow overlay() {
        return overlay;
    }

    boolean rendererWarmedUpBeforeStart() {
        return warmedUpBeforeStart;
    }

    boolean laidOutWhenShown() {
        return laidOutWhenShown;
    }

    Optional<Boolean> devicesShownAfterFirstFrames() {
        return Optional.ofNullable(devicesShownAfterFirstFrames);
    }

    private dev.cuecard.asr.SpeechModel speechModel() {
        try {
            return runner.speechModel();
        } catch (dev.cuecard.asr.ModelException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    private void testConnection(LlmSettings llm, Consumer<String> result) {
        tasks.submit(() -> {
            try {
                return LlmConfig.resolve(llm, DesktopLauncher.options().env())
                        .map(c -> {
                            try (LlmServices trial = new LlmServices(c, UserContext.load(paths), new NamedThreadFactory("llm-http"))) {
                                return trial.checkConnection(classifier);
                            }
                        })
                        .orElse("No endpoint set: Cuecard stays offline with template hints");
            } catch (LlmConfig.InvalidConfigException e) {
                return e.getMessage();
            }
        }, result, e -> {
            LOG.warn("connection test failed", e);
            result.accept("Not working: " + e.getMessage());
        });
    }
}
