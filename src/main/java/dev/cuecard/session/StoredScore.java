package dev.cuecard.session;

import dev.cuecard.question.Category;
import java.time.Instant;

/**
 * A scored answer as stored, with what it answered.
 *
 * @param breakdown the rubric's dimensions as JSON (written and read by the practice package)
 */
public record StoredScore(long questionId, long sessionId, SessionKind kind, Category category, String templateId,
                          String question, double total, String breakdown, String followUp, Instant scoredAt) {
}
