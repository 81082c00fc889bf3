package dev.cuecard.cli;

import dev.cuecard.asr.ModelException;
import dev.cuecard.asr.ModelLocator;
import dev.cuecard.audio.AudioSourceException;
import dev.cuecard.pipeline.AsrBenchmark;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench-asr", mixinStandardHelpOptions = true,
        description = "Measure recognition speed, memory and partial-result lag on a recording.")
final class BenchAsrCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Parameters(paramLabel = "FILE.wav")
    Path file;

    @Option(names = "--model", paramLabel = "DIR")
    Path model;

    @Option(names = "--no-paced", description = "skip the real-time paced run (no partial lag)")
    boolean noPaced;

    @Override
    public Integer call() throws InterruptedException {
        try {
            WavSources.open(file, 1).close();
            AsrBenchmark.Result r = AsrBenchmark.run(file, ModelLocator.locate(Optional.ofNullable(model)), !noPaced);
            cli.out().println(AsrBenchmark.format(r));
            cli.out().println("transcript: " + r.transcript());
            return 0;
        } catch (ModelException | AudioSourceException e) {
            throw new UserError(e.getMessage());
        }
    }
}
