package dev.cuecard.session;

import dev.cuecard.question.Category;
import java.util.Optional;

/**
 * A detected question as stored, with the user's review of the answer.
 *
 * @param seq     the question's number in the session (the pipeline's id)
 * @param startMs where the interviewer's utterance holding it began (audio ms)
 * @param endMs   end of the last word of the question heard when it was decided
 * @param rating  the user's 1–5 self-rating of the answer
 */
public record StoredQuestion(long id, int seq, String text, Category category, String templateId,
                             double confidence, long startMs, long endMs, boolean early, String note,
                             Optional<Integer> rating) {
}
