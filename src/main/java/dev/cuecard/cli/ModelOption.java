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
        boolean fromSettings = false;
        if (explicit.isEmpty()) {
            explicit = cli.settings().settings().modelPath();
            fromSettings = explicit.isPresent();
        }
        try {
            return SpeechModel.locateAndLoad(explicit, new dev.cuecard.pipeline.NamedThreadFactory("speech-model"));
        } catch (ModelException e) {
            // the user did not name this folder on the command line: say where it came from
            throw new UserError(fromSettings ? e.getMessage() + " (the folder is 'modelDir' in "
                    + cli.paths().settingsFile() + "; fix or remove that line)" : e.getMessage());
        }
    }
}
