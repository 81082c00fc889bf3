package dev.cuecard.ui;

import dev.cuecard.config.LogSetup;
import dev.cuecard.pipeline.NamedThreadFactory;
import java.awt.GraphicsEnvironment;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;

/** Starts the JavaFX app from the plain-classpath entry point and hands back what it measured. */
public final class DesktopLauncher {
    private static volatile DesktopOptions options;
    /** The options once the command line is read, for an app started before that ({@link #startEarly}). */
    private static final CompletableFuture<DesktopOptions> READ = new CompletableFuture<>();
    /** The thread running {@link Application#launch} when started early; null otherwise. */
    private static volatile Thread early;
    /** What {@link Application#launch} threw on that thread (no display, no GTK). */
    private static volatile RuntimeException earlyFailure;
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

    /**
     * Starts JavaFX and the app while the command line is still being read (issue 12, start-up): the
     * toolkit's start (~0.25 s: GTK, the renderer) then runs beside reading the options (~0.1–0.15 s,
     * most of it loading the parser's classes, which a class archive cannot hold), and the app's
     * {@link DesktopApp#init} waits for {@link #launch} to hand it the options. For arguments that
     * name no command; if they turn out not to start the app (a usage error), the process exits anyway.
     */
    public static synchronized void startEarly() {
        if (early != null || cannotOpen().isPresent()) {
            return;
        }
        early = NamedThreadFactory.thread("fx-launch", new EarlyLaunch());
        early.start();
    }

    /** A class, not a lambda: on the start-up path the first lambda of a JVM costs ~20 ms (bootstrap). */
    private static final class EarlyLaunch implements Runnable {
        @Override
        public void run() {
            try {
                // JavaFX warns as it starts: into the log, not onto the console (Main may not have routed it yet)
                LogSetup.routeJavaUtilLogging();
                Application.launch(DesktopApp.class);
            } catch (RuntimeException e) {
                earlyFailure = e;
                READ.cancel(false); // nothing waits for options that no app will read
            }
        }
    }

    /** Blocks until the app's windows are closed. */
    public static void launch(DesktopOptions o) {
        options = o;
        Thread started = early;
        if (started == null) {
            Application.launch(DesktopApp.class);
            return;
        }
        READ.complete(o);
        try {
            started.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (earlyFailure != null) {
            throw earlyFailure;
        }
    }

    /** The options; for an app started early, waits until the command line has been read. */
    static DesktopOptions options() {
        DesktopOptions o = options;
        return o != null ? o : READ.join();
    }

    /** The options for an app started in-process by a test (not through {@link #launch}). */
    static void useOptions(DesktopOptions o) {
        options = o;
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
