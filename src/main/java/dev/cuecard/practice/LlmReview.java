package dev.cuecard.practice;

import java.util.List;

/**
 * An LLM's structured review of one answer, shown beside the offline rubric (never instead).
 *
 * @param followUp the pushback question the model would ask next, from the actual answer
 */
public record LlmReview(String summary, List<String> strengths, List<String> improvements, String followUp) {
    public LlmReview {
        strengths = List.copyOf(strengths);
        improvements = List.copyOf(improvements);
    }
}
