package dev.cuecard.cli;

import dev.cuecard.config.AppVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code cuecard} command: the headless contract of ARCHITECTURE.md. */
@Command(name = "cuecard", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Offline interview copilot: speech recognition, question cues, practice.",
        subcommands = {TranscribeCommand.class, ReplayCommand.class, DevicesCommand.class,
                ListenCommand.class, BenchAsrCommand.class})
public final class Cli implements Runnable {
    @Spec
    CommandSpec spec;

    /** Version line for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cuecard " + AppVersion.get()};
        }
    }

    /** No command: the app. Until the desktop window exists this is live listening in the terminal. */
    @Override
    public void run() {
        ListenCommand listen = new ListenCommand();
        listen.cli = this;
        listen.call();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    void warn(String message) {
        err().println("cuecard: warning: " + message);
        err().flush();
    }

    /** Builds the command line with our error handling; used by {@link dev.cuecard.Main} and tests. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new ErrorHandler.BadUsage());
        return cl;
    }

    /** Runs the CLI on the process's streams and returns the exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        return commandLine(out, err).execute(args);
    }
}
