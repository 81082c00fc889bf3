package dev.cuecard.cli;

import dev.cuecard.question.ClassifierBenchmark;
import dev.cuecard.question.LabelledUtterance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench-classify", mixinStandardHelpOptions = true,
        description = "Accuracy, baseline comparison, calibration and timing on a labelled set.")
final class BenchClassifyCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Parameters(paramLabel = "DIR", defaultValue = "src/test/resources/devset",
            description = "folder with utterances.tsv and utterances-asr.tsv")
    Path dir;

    @Override
    public Integer call() {
        try {
            cli.out().println(ClassifierBenchmark.run(LabelledUtterance.load(dir), Engines.classifier(cli)));
            return 0;
        } catch (IOException e) {
            throw new UserError("cannot read the labelled set in " + dir + ": " + e.getMessage());
        }
    }
}
