package dev.cuecard.session.debrief;

import dev.cuecard.audio.Channel;
import dev.cuecard.hint.Hint;
import dev.cuecard.question.ClosingLine;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionDetail;
import dev.cuecard.session.StoredHint;
import dev.cuecard.session.StoredQuestion;
import dev.cuecard.session.Utterance;
import java.util.ArrayList;
import java.util.List;

/** Turns a stored session into a {@link Debrief}: answers cut by question, analytics, feedback. */
public final class DebriefBuilder {
    private final AnswerFeedbackRater rater;
    private final TemplateLibrary templates;

    /**
     * @param templates key points for questions whose hint was not stored (the shown hint's own key
     *                  points come first — the last card shown, refined or not: what the candidate saw)
     */
    public DebriefBuilder(AnswerFeedbackRater rater, TemplateLibrary templates) {
        this.rater = rater;
        this.templates = templates;
    }

    /**
     * The debriefs the user reads — {@code debrief show|export} and the debrief window alike: key
     * points judged by meaning with the shipped sentence model (loaded at the first build, so not on
     * the FX thread), by their words when it cannot load ({@link #wordsOnly}).
     *
     * @param templates the user's templates too: key points of questions whose hint was not stored
     */
    public static DebriefBuilder byMeaning(TemplateLibrary templates) {
        return new DebriefBuilder(AnswerFeedbackRater.semantic(), templates);
    }

    /** The debrief with every answer's key points judged (by meaning when the sentence model loads). */
    public Debrief build(SessionDetail detail) {
        return build(detail, rater::rateAll);
    }

    /**
     * The debrief with the key points not judged yet ({@link AnswerFeedbackRater#unjudged}): quick,
     * for a window to show while {@link #build} judges them in the background.
     */
    public Debrief outline(SessionDetail detail) {
        return build(detail, requests -> requests.stream().map(AnswerFeedbackRater::unjudged).toList());
    }

    /**
     * Empty when the key points are judged by meaning; else the line saying they are judged by their
     * words and why ({@link AnswerFeedbackRater#wordsOnly}). May wait for the model: not on the FX thread.
     */
    public java.util.Optional<String> wordsOnly() {
        return rater.wordsOnly();
    }

    private Debrief build(SessionDetail detail,
                          java.util.function.Function<List<AnswerFeedbackRater.Request>, List<AnswerFeedback>> rate) {
        List<StoredQuestion> questions = detail.questions();
        List<Utterance> me = detail.utterances().stream().filter(u -> u.channel() == Channel.ME).toList();
        List<List<Utterance>> spans = new ArrayList<>();
        List<AnswerFeedbackRater.Request> requests = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            StoredQuestion q = questions.get(i);
            // a closing line is one no question follows: the last answer ends there
            long until = i + 1 < questions.size() ? questions.get(i + 1).startMs()
                    : closingAfter(detail.utterances(), q.startMs());
            List<Utterance> answer = me.stream().filter(u -> u.startMs() >= q.startMs() && u.startMs() < until).toList();
            spans.add(answer);
            String text = String.join(" ", answer.stream().map(Utterance::text).toList());
            requests.add(new AnswerFeedbackRater.Request(text, q.category(), keyPoints(q, detail.hintsFor(q))));
        }
        // every answer at once: by meaning they are rated side by side (the slow part of a debrief)
        List<AnswerFeedback> feedback = rate.apply(requests);
        List<AnswerReview> answers = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            StoredQuestion q = questions.get(i);
            List<Utterance> answer = spans.get(i);
            SpeakingMetrics metrics = SpeakingMetrics.of(answer);
            LiveCoverage live = new LiveCoverage(detail.coverageFor(q), detail.answerEndFor(q));
            answers.add(new AnswerReview(i + 1, q, detail.hintsFor(q), answer, metrics, AnswerLength.of(metrics),
                    feedback.get(i), live, detail.scoreFor(q).map(dev.cuecard.session.StoredScore::total)));
        }
        SpeakingMetrics all = SpeakingMetrics.of(me);
        long themMs = detail.utterances().stream().filter(u -> u.channel() == Channel.THEM)
                .mapToLong(Utterance::durationMs).sum();
        int answered = (int) answers.stream().filter(a -> a.length() != AnswerLength.NO_ANSWER).count();
        int onTarget = (int) answers.stream().filter(a -> a.length() == AnswerLength.ON_TARGET).count();
        return new Debrief(detail, answers, new SessionAnalytics(all, new TalkRatio(all.speakingMs(), themMs), answered,
                onTarget));
    }

    /** When the interviewer closed the questions after {@code fromMs}: later words of the candidate are no answer. */
    private static long closingAfter(List<Utterance> utterances, long fromMs) {
        return utterances.stream().filter(u -> u.channel() == Channel.THEM && u.startMs() > fromMs)
                .filter(u -> ClosingLine.isClosing(u.text())).mapToLong(Utterance::startMs).min().orElse(Long.MAX_VALUE);
    }

    /** The final card's key points: a card refined by the LLM is what the candidate had in the end. */
    private List<String> keyPoints(StoredQuestion q, List<StoredHint> hints) {
        return hints.stream().map(StoredHint::hint).map(Hint::keyPoints).filter(k -> !k.isEmpty())
                .reduce((first, later) -> later)
                .orElseGet(() -> q.templateId() == null ? List.of()
                        : templates.get(q.templateId()).map(t -> t.card().keyPoints()).orElse(List.of()));
    }
}
