package dev.cuecard.cli;

import dev.cuecard.config.AppPaths;
import dev.cuecard.hint.llm.LlmHintEngine;
import dev.cuecard.pipeline.NamedThreadFactory;
import dev.cuecard.question.EmbeddingUnavailable;
import dev.cuecard.question.SemanticMatcher;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.question.UtteranceClassifier;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Builds the engines commands share, reporting template problems as warnings. */
final class Engines {
    private Engines() {
    }

    /**
     * The question classifier: the lexical model, with semantic matching when its model loads (in
     * parallel with building the lexical one: the sentence model is the slowest part of a start);
     * otherwise a one-line warning and words only.
     */
    static UtteranceClassifier classifier(Cli cli) {
        AppPaths paths = cli.paths();
        CompletableFuture<TemplateLibrary> libraryLoaded = new CompletableFuture<>();
        CompletableFuture<SemanticMatcher> semantic = new CompletableFuture<>();
        NamedThreadFactory.thread("semantic-load", () -> {
            try {
                semantic.complete(SemanticMatcher.loadShipped(paths.cacheDir(), libraryLoaded::join));
            } catch (EmbeddingUnavailable | RuntimeException | Error e) {
                semantic.completeExceptionally(e);
            }
        }).start();
        TemplateLibrary library;
        try {
            library = TemplateLibrary.load(Optional.of(paths.templatesDir()));
        } catch (RuntimeException | Error e) {
            libraryLoaded.completeExceptionally(e);
            throw e;
        }
        libraryLoaded.complete(library);
        library.problems().forEach(p -> cli.warn("template skipped: " + p));
        // a model trained for the user's own templates is kept in the cache folder for the next start
        UtteranceClassifier lexical = UtteranceClassifier.of(library, Optional.of(paths.cacheDir()));
        try {
            return lexical.withSemantics(semantic.join());
        } catch (CompletionException e) {
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
