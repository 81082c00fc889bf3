package dev.cuecard.cli;

import dev.cuecard.config.AppPaths;
import dev.cuecard.hint.llm.LlmHintEngine;
import dev.cuecard.pipeline.NamedThreadFactory;
import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.EmbeddingUnavailable;
import dev.cuecard.question.SemanticMatcher;
import dev.cuecard.question.QuestionDetector;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.question.UtteranceClassifier;
import java.util.Optional;

/** Builds the engines commands share, reporting template problems as warnings. */
final class Engines {
    private Engines() {
    }

    /**
     * The question classifier: the lexical model, with semantic matching when its model loads (in
     * parallel with training the lexical one); otherwise a one-line warning and words only.
     */
    static UtteranceClassifier classifier(Cli cli) {
        AppPaths paths = cli.paths();
        TemplateLibrary library = TemplateLibrary.load(Optional.of(paths.templatesDir()));
        library.problems().forEach(p -> cli.warn("template skipped: " + p));
        java.util.concurrent.CompletableFuture<SemanticMatcher> semantic = new java.util.concurrent.CompletableFuture<>();
        NamedThreadFactory.thread("semantic-load", () -> {
            try {
                semantic.complete(SemanticMatcher.loadShipped(paths.cacheDir(), library));
            } catch (EmbeddingUnavailable | RuntimeException | Error e) {
                semantic.completeExceptionally(e);
            }
        }).start();
        UtteranceClassifier lexical = new UtteranceClassifier(library, AsrVocabulary.shipped(), new QuestionDetector());
        try {
            return lexical.withSemantics(semantic.join());
        } catch (java.util.concurrent.CompletionException e) {
            cli.warn("questions are matched by their words only: " + e.getCause().getMessage());
            return lexical;
        }
    }

    /**
     * The LLM drafter when an endpoint is configured (settings file or environment) and not
     * {@code offline}; otherwise empty, and nothing touches the network.
     */
    static Optional<LlmHintEngine> llm(Cli cli, boolean offline) {
        return cli.llm(offline).map(dev.cuecard.hint.llm.LlmServices::hintEngine);
    }
}
