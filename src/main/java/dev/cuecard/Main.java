package dev.cuecard;

import dev.cuecard.cli.Cli;
import dev.cuecard.config.AppPaths;

/** Entry point (not a JavaFX Application subclass, so the plain classpath jar can start). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // logback reads this property when the first logger is created: set it before anything logs
        if (System.getProperty("cuecard.logdir") == null) {
            System.setProperty("cuecard.logdir", AppPaths.fromEnvironment().logsDir().toString());
        }
        JvmOptions.applyOrReexec(args);
        System.exit(Cli.run(args));
    }
}
