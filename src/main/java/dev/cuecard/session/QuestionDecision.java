package dev.cuecard.session;

/** One stored decision about a question's card: the first card or a change, and why. */
public record QuestionDecision(int seq, long decidedMs, String text, String category, String templateId,
                               double confidence, String reason) {
}
