package dev.cuecard.cli;

import dev.cuecard.config.AppPaths;
import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.QuestionDetector;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.question.UtteranceClassifier;
import java.util.Optional;

/** Builds the engines commands share, reporting template problems as warnings. */
final class Engines {
    private Engines() {
    }

    static UtteranceClassifier classifier(Cli cli) {
        TemplateLibrary library = TemplateLibrary.load(Optional.of(AppPaths.fromEnvironment().templatesDir()));
        library.problems().forEach(p -> cli.warn("template skipped: " + p));
        return new UtteranceClassifier(library, AsrVocabulary.shipped(), new QuestionDetector());
    }
}
