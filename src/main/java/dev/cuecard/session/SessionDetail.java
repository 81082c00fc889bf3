package dev.cuecard.session;

import java.util.List;

/**
 * A whole stored session: utterances by start time, questions by start time, hints by time shown,
 * what the live answer coach ticked and measured, and the practice scores of its answers.
 */
public record SessionDetail(SessionRecord session, List<Utterance> utterances, List<StoredQuestion> questions,
                            List<StoredHint> hints, List<StoredCoverage> coverage, List<StoredAnswerEnd> answerEnds,
                            List<StoredScore> scores) {
    public SessionDetail {
        utterances = List.copyOf(utterances);
        questions = List.copyOf(questions);
        hints = List.copyOf(hints);
        coverage = List.copyOf(coverage);
        answerEnds = List.copyOf(answerEnds);
        scores = List.copyOf(scores);
    }

    /** A session without the live coach's record or scores. */
    public SessionDetail(SessionRecord session, List<Utterance> utterances, List<StoredQuestion> questions,
                         List<StoredHint> hints) {
        this(session, utterances, questions, hints, List.of(), List.of(), List.of());
    }

    /** The practice score of question {@code q}'s answer, when it was scored. */
    public java.util.Optional<StoredScore> scoreFor(StoredQuestion q) {
        return scores.stream().filter(s -> s.questionId() == q.id()).findFirst();
    }

    /** The key points the live coach ticked while question {@code q} was answered, in order. */
    public List<StoredCoverage> coverageFor(StoredQuestion q) {
        return coverage.stream().filter(c -> c.seq() == q.seq()).toList();
    }

    public java.util.Optional<StoredAnswerEnd> answerEndFor(StoredQuestion q) {
        return answerEnds.stream().filter(a -> a.seq() == q.seq()).findFirst();
    }

    public List<StoredHint> hintsFor(StoredQuestion q) {
        return hints.stream().filter(h -> h.questionId() == q.id()).toList();
    }
}
