package dev.cuecard.practice;

/** How an LLM review went: a review, or the short failure status shown next to the rubric. */
public sealed interface ReviewOutcome {
    record Reviewed(LlmReview review) implements ReviewOutcome {
    }

    record Failed(String status) implements ReviewOutcome {
    }
}
