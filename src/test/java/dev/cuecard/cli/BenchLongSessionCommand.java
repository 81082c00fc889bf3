package dev.cuecard.cli;

import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionStore;
import dev.cuecard.testing.LongInterviewFixture;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Stores {@link LongInterviewFixture}'s hour-long interview (204 questions, both channels) in the
 * data folder's database, for timing {@code debrief show|export} on a long session:
 * <pre>
 *   CUECARD_HOME=/tmp/long java -cp target/cuecard-bench.jar:target/test-classes dev.cuecard.cli.BenchCli bench-long-session
 *   CUECARD_HOME=/tmp/long java -jar target/cuecard.jar debrief show ID
 * </pre>
 * ({@code target/test-classes} for the calibration answers it reads, which the bench jar does not carry;
 * {@code bench/debrief-bench.sh} runs it so).
 */
@Command(name = "bench-long-session", mixinStandardHelpOptions = true,
        description = "Stores a 204-question two-channel interview in the data folder; prints its id.")
final class BenchLongSessionCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Option(names = "--questions", paramLabel = "N", description = "only its first N questions (default: all 204)")
    int questions = LongInterviewFixture.QUESTIONS;

    @Override
    public Integer call() {
        try (SessionStore store = SessionStores.open(cli)) {
            long id = LongInterviewFixture.record(store, TemplateLibrary.shipped(), questions);
            cli.out().println(id);
            cli.out().flush();
            return 0;
        }
    }
}
