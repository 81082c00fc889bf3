package dev.cuecard.session;

import java.util.List;

/** A whole stored session: utterances by start time, questions by start time, hints by time shown. */
public record SessionDetail(SessionRecord session, List<Utterance> utterances, List<StoredQuestion> questions,
                            List<StoredHint> hints) {
    public SessionDetail {
        utterances = List.copyOf(utterances);
        questions = List.copyOf(questions);
        hints = List.copyOf(hints);
    }

    public List<StoredHint> hintsFor(StoredQuestion q) {
        return hints.stream().filter(h -> h.questionId() == q.id()).toList();
    }
}
