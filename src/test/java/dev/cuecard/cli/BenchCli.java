package dev.cuecard.cli;

import dev.cuecard.config.AppPaths;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The {@code cuecard} command line plus the benchmark commands ({@code bench-asr}, {@code bench-classify},
 * {@code bench-questions}, {@code bench-sessions}). They live in the test tree so the shipped jar
 * carries none of them; {@code mvn package} builds {@code target/cuecard-bench.jar} (this class is its
 * main class; it runs beside {@code target/cuecard.jar} and {@code target/lib/}):
 * <pre>
 *   java -jar target/cuecard-bench.jar bench-classify
 * </pre>
 */
public final class BenchCli {
    private BenchCli() {
    }

    public static void main(String[] args) {
        // as dev.cuecard.Main: logback reads this property when the first logger is created
        if (System.getProperty("cuecard.logdir") == null) {
            System.setProperty("cuecard.logdir", AppPaths.fromEnvironment().logsDir().toString());
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(commandLine(out, err).execute(args));
    }

    /** {@link Cli#commandLine(PrintWriter, PrintWriter)} with the benchmark commands added. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = Cli.commandLine(out, err);
        for (Object bench : new Object[] {new BenchAsrCommand(), new BenchClassifyCommand(), new BenchQuestionsCommand(),
                new BenchSessionsCommand(), new BenchLongSessionCommand()}) {
            cl.addSubcommand(bench);
        }
        // picocli hands streams and handlers down to the subcommands present when they are set
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new ErrorHandler.BadUsage());
        return cl;
    }
}
