package dev.cuecard.cli;

import dev.cuecard.session.SessionBenchmark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench-sessions", mixinStandardHelpOptions = true,
        description = "Recorder commit latency and throughput; search latency over a generated history.")
final class BenchSessionsCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Option(names = "--db", defaultValue = "target/bench-sessions.db",
            description = "database file to create (replaced; default: ${DEFAULT-VALUE})")
    Path db;

    @Option(names = "--sessions", defaultValue = "1000")
    int sessions;

    @Option(names = "--utterances", defaultValue = "1000", description = "per session")
    int utterances;

    @Option(names = "--queries", defaultValue = "400")
    int queries;

    @Override
    public Integer call() throws InterruptedException {
        try {
            cli.out().print(SessionBenchmark.run(db, sessions, utterances, queries, 42));
            cli.out().flush();
            return 0;
        } catch (IOException e) {
            throw new UserError("cannot write the benchmark database " + db + ": " + e.getMessage());
        }
    }
}
