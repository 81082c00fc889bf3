package dev.cuecard.session.debrief;

import dev.cuecard.session.StoredHint;
import dev.cuecard.session.StoredQuestion;
import dev.cuecard.session.Utterance;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One question of the timeline: the hints shown for it and the candidate's answer (the {@code me}
 * channel from this question's start to the next one's), the offline feedback on it and what the
 * live coach ticked while it was said; in a practice session, the score the answer was given.
 */
public record AnswerReview(int number, StoredQuestion question, List<StoredHint> hints, List<Utterance> answer,
                           SpeakingMetrics metrics, AnswerLength length, AnswerFeedback feedback, LiveCoverage live,
                           Optional<Double> practiceScore) {
    public AnswerReview {
        hints = List.copyOf(hints);
        answer = List.copyOf(answer);
    }

    public AnswerReview(int number, StoredQuestion question, List<StoredHint> hints, List<Utterance> answer,
                        SpeakingMetrics metrics, AnswerLength length, AnswerFeedback feedback) {
        this(number, question, hints, answer, metrics, length, feedback, LiveCoverage.NONE, Optional.empty());
    }

    /** The practice score out of 10 as stored, e.g. "4.3 / 10" (practice sessions only). */
    /**
     * Where hint {@code i} stands when the card changed while the question was asked: "replaced" or
     * "final card" (the feedback is graded against the final one); empty when one card was shown.
     */
    public Optional<String> hintRole(int i) {
        if (hints.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(i == hints.size() - 1 ? "final card" : "replaced");
    }

    public Optional<String> practiceScoreText() {
        return practiceScore.map(s -> String.format(java.util.Locale.ROOT, "%.1f / 10", s));
    }

    public String answerText() {
        return answer.stream().map(Utterance::text).collect(Collectors.joining(" "));
    }

    /** The key points the live coach ticked that the debrief did not find in the whole answer. */
    public List<String> tickedLiveNotFound() {
        List<String> ticked = live.points();
        return feedback.keyPoints().stream().filter(k -> !k.covered() && ticked.contains(k.keyPoint()))
                .map(KeyPointCoverage::keyPoint).toList();
    }

    /** Whether an audio position (a search hit) lies in this question or its answer. */
    public boolean contains(long atMs, long nextQuestionStartMs) {
        return atMs >= question.startMs() && atMs < nextQuestionStartMs;
    }
}
