package dev.cuecard.hint;

/** Tokens one drafted hint cost, as the endpoint reported them (for the session's cost line). */
public record TokenUsage(int inputTokens, int outputTokens) {
    public int total() {
        return inputTokens + outputTokens;
    }
}
