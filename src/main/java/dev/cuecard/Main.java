package dev.cuecard;

import dev.cuecard.cli.Cli;
import dev.cuecard.cli.StopHook;
import dev.cuecard.config.AppPaths;
import dev.cuecard.config.LogSetup;
import dev.cuecard.ui.DesktopLauncher;

/** Entry point (not a JavaFX Application subclass, so the plain classpath jar can start). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // first: a Ctrl+C from here on says it stopped before anything was heard, instead of nothing
        StopHook.installFromStart(args);
        AppPaths paths = AppPaths.fromEnvironment();
        // logback reads this property when the first logger is created: set it before anything logs
        if (System.getProperty("cuecard.logdir") == null) {
            System.setProperty("cuecard.logdir", paths.logsDir().toString());
        }
        if (JvmOptions.opensDesktop(args) && JvmOptions.tuned()) {
            // this JVM runs the app (restarted, or the installed launcher's): the toolkit starts now,
            // beside everything below (issue 12, start-up)
            DesktopLauncher.startEarly();
        }
        if (JvmOptions.longRunning(args)) { // the runs that load JNA and Vosk
            NativeLibraryCache.use(paths.cacheDir());
        }
        JvmOptions.applyOrReexec(args, StopHook.stoppedWhileStarting());
        // in the JVM that runs the command (the one started by `java -jar` may hand over to another)
        LogSetup.routeJavaUtilLogging();
        NativeLibraryCache.useForSqlite(paths.cacheDir()); // in the JVM that runs the command
        if (JvmOptions.opensDesktop(args)) {
            DesktopLauncher.startEarly(); // when not started above: the toolkit starts while the options are read
        }
        System.exit(Cli.run(args));
    }
}
