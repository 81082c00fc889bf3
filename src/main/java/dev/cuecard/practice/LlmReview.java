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

    /** The whole review as text, as the CLI and the practice window show it: summary, strengths (+), improvements (→). */
    public String text() {
        StringBuilder b = new StringBuilder(summary);
        strengths.forEach(x -> b.append("\n  + ").append(x));
        improvements.forEach(x -> b.append("\n  → ").append(x));
        return b.toString();
    }
}
