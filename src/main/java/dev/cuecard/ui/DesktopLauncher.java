package dev.cuecard.ui;

import dev.cuecard.config.AppPaths;
import dev.cuecard.config.SettingsStore;
import dev.cuecard.pipeline.NamedThreadFactory;
import dev.cuecard.question.SemanticMatcher;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.question.UtteranceClassifier;
import java.awt.GraphicsEnvironment;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;

/** Starts the JavaFX app from the plain-classpath entry point and hands back what it measured. */
public final class DesktopLauncher {
    private static volatile DesktopOptions options;
    private static volatile UtteranceClassifier classifier;
    private static volatile FxStallProbe.Report report;
    private static volatile StartupTimes startup;

    private DesktopLauncher() {
    }

    /** Why the desktop app cannot open here (no display), or empty. */
    public static Optional<String> cannotOpen() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean linux = os.contains("linux") || os.contains("bsd");
        if (linux && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
            return Optional.of("no display: the desktop app needs a graphical session "
                    + "(the CLI commands work anywhere: cuecard --help)");
        }
        if (GraphicsEnvironment.isHeadless() && !linux) {
            return Optional.of("no display available for the desktop app");
        }
        return Optional.empty();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Blocks until the app's windows are closed. */
    public static void launch(DesktopOptions o) {
        options = o;
        startLoading(AppPaths.from(o.env()));
        Application.launch(DesktopApp.class);
    }

    /**
     * What needs no toolkit starts loading while JavaFX starts (~0.5 s in which a core is mostly
     * idle): the question classifier (templates, vocabulary, model) and the sentence model, each on
     * its own thread; and the settings file is read once, so the YAML reader (~0.3 s to set up) is
     * ready when the app reads it on the FX thread.
     */
    private static synchronized void startLoading(AppPaths paths) {
        classifier = UtteranceClassifier.building(() -> TemplateLibrary.load(Optional.of(paths.templatesDir())),
                Optional.of(paths.cacheDir()), r -> NamedThreadFactory.thread("classifier-load", r).start());
        NamedThreadFactory.thread("semantic-preload", () -> SemanticMatcher.preloadShipped(paths.cacheDir())).start();
        NamedThreadFactory.thread("settings-preload", () -> SettingsStore.load(paths)).start();
    }

    static DesktopOptions options() {
        return options;
    }

    /** The options for an app started in-process by a test (not through {@link #launch}). */
    static void useOptions(DesktopOptions o) {
        options = o;
        classifier = null;
    }

    /** The classifier being built since {@link #launch} (or, for an app started otherwise, from now). */
    static synchronized UtteranceClassifier classifier() {
        if (classifier == null) {
            startLoading(AppPaths.from(options.env()));
        }
        return classifier;
    }

    static void report(FxStallProbe.Report r) {
        report = r;
    }

    static void startup(StartupTimes s) {
        startup = s;
    }

    /** Start-up times of the last run, when it ended normally. */
    public static Optional<StartupTimes> lastStartup() {
        return Optional.ofNullable(startup);
    }

    /** The FX stall figures of the last run, when it ended normally. */
    public static Optional<FxStallProbe.Report> lastReport() {
        return Optional.ofNullable(report);
    }
}
