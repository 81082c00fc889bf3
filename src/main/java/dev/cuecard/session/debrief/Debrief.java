package dev.cuecard.session.debrief;

import dev.cuecard.session.SessionDetail;
import dev.cuecard.session.Utterance;
import java.util.List;
import java.util.Optional;

/** A stored session made reviewable: the timeline of answers with analytics and feedback. */
public record Debrief(SessionDetail detail, List<AnswerReview> answers, SessionAnalytics analytics) {
    public Debrief {
        answers = List.copyOf(answers);
    }

    /** The answer whose question-to-next-question span holds an audio position. */
    public Optional<AnswerReview> answerAt(long atMs) {
        for (int i = answers.size() - 1; i >= 0; i--) {
            if (atMs >= answers.get(i).question().startMs()) {
                return Optional.of(answers.get(i));
            }
        }
        return Optional.empty();
    }

    public List<Utterance> transcript() {
        return detail.utterances();
    }
}
