package dev.cuecard.ui;

import java.awt.GraphicsEnvironment;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;

/** Starts the JavaFX app from the plain-classpath entry point and hands back what it measured. */
public final class DesktopLauncher {
    private static volatile DesktopOptions options;
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
        Application.launch(DesktopApp.class);
    }

    static DesktopOptions options() {
        return options;
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
