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

    /**
     * Whether the candidate's side was recorded at all: a microphone channel, or answers heard or
     * typed. A replay of the interviewer's audio alone has none, and grading its "answers" would
     * only list failures the user never had a chance to avoid.
     */
    public boolean candidateRecorded() {
        if (detail.session().meDevice() != null) {
            return true;
        }
        for (Utterance u : detail.utterances()) {
            if (u.channel() == dev.cuecard.audio.Channel.ME) {
                return true;
            }
        }
        return false;
    }

    /** What the debrief says instead of grading when {@link #candidateRecorded} is false. */
    public static final String NOT_RECORDED = "your side was not recorded (only the interviewer's audio is in this "
            + "session), so there are no answers to measure";

    public List<Utterance> transcript() {
        return detail.utterances();
    }
}
