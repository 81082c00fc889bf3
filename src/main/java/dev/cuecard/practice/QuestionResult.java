package dev.cuecard.practice;

import java.util.Optional;

/**
 * One answered question of a round.
 *
 * @param followUp  the pushback question, empty when the template has none and no LLM wrote one
 * @param review    the LLM's review when one is configured and answered
 * @param llmStatus the LLM's failure status when it failed (the rubric and template follow-up stand)
 */
public record QuestionResult(PracticeQuestion question, Answer answer, AnswerScore score, Optional<String> followUp,
                             boolean followUpFromLlm, Optional<LlmReview> review, Optional<String> llmStatus) {
}
