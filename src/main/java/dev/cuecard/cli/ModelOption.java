package dev.cuecard.cli;

import dev.cuecard.asr.ModelException;
import dev.cuecard.asr.SpeechModel;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --model DIR}, falling back to the settings file, then the bundled English model. */
final class ModelOption {
    @Option(names = "--model", paramLabel = "DIR",
            description = "Vosk model folder (default: settings 'modelDir', else the bundled English model)")
    Path model;

    SpeechModel load(Cli cli) {
        Optional<Path> explicit = Optional.ofNullable(model);
        if (explicit.isEmpty()) {
            explicit = cli.settings().settings().modelPath();
        }
        try {
            return SpeechModel.locateAndLoad(explicit, new dev.cuecard.pipeline.NamedThreadFactory("speech-model"));
        } catch (ModelException e) {
            throw new UserError(e.getMessage());
        }
    }
}
