package dev.cuecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main class of target/cuecard-bench.jar: the shipped commands plus the bench-* ones. */
class BenchCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return BenchCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void listsTheBenchCommandsBesideTheShippedOnes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("bench-asr", "bench-classify", "bench-questions", "bench-sessions",
                "classify", "replay");
    }

    @Test
    void aBenchCommandReportsBadInputAsOneLine(@TempDir Path empty) {
        assertThat(run("bench-classify", empty.toString())).isNotZero();
        assertThat(err.toString()).startsWith("cuecard: cannot read the labelled set in " + empty)
                .doesNotContain("Exception");
    }

    @Test
    void theShippedCommandLineHasNoBenchCommands() {
        assertThat(Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).getSubcommands().keySet())
                .noneMatch(name -> name.startsWith("bench"));
    }
}
