package dev.cuecard.cli;

import dev.cuecard.asr.ModelException;
import dev.cuecard.asr.SpeechModel;
import dev.cuecard.audio.AudioSourceException;
import dev.cuecard.pipeline.QuestionLatencyBenchmark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench-questions", mixinStandardHelpOptions = true,
        description = "Question-end to hint latency over a labelled multi-question recording.")
final class BenchQuestionsCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Parameters(index = "0", paramLabel = "FILE.wav")
    Path wav;

    @Parameters(index = "1", paramLabel = "SCRIPT.tsv", description = "category<TAB>sentence per line, in order")
    Path script;

    @Mixin
    ModelOption modelOption;

    @Override
    public Integer call() throws InterruptedException {
        WavSources.open(wav, 1).close();
        try (SpeechModel model = modelOption.load(cli)) {
            cli.out().println(QuestionLatencyBenchmark.run(wav, script, model, Engines.classifier(cli)));
            return 0;
        } catch (IOException | AudioSourceException | ModelException e) {
            throw new UserError(e.getMessage());
        }
    }
}
