package dev.cuecard.practice;

import dev.cuecard.audio.Channel;
import dev.cuecard.question.Classification;
import dev.cuecard.question.DetectedQuestion;
import dev.cuecard.session.SessionInfo;
import dev.cuecard.session.SessionKind;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.Utterance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A round in progress: asks the planned questions in order, scores each answer, picks the
 * follow-up and stores everything as a {@code practice} session — the question on the {@code them}
 * channel and the answer on {@code me}, on one timeline, so the debrief view shows it like any
 * session. Safe to share between threads: the progress (results, the stored timeline) is guarded
 * by the round's lock, which is not held while an answer is scored or reviewed — an answer whose
 * question was skipped in the meantime is refused, never counted for the next question.
 */
public final class PracticeRound {
    private final RoundSetup setup;
    private final List<PracticeQuestion> questions;
    private final AnswerScorer scorer;
    private final Optional<AnswerReviewer> reviewer;
    private final Optional<SessionStore> store;
    private final List<QuestionResult> results = new ArrayList<>();
    private long sessionId = -1;
    /** Where the next question starts on the session's timeline (ms). */
    private long positionMs;

    public PracticeRound(RoundSetup setup, List<PracticeQuestion> questions, AnswerScorer scorer,
                         Optional<AnswerReviewer> reviewer, Optional<SessionStore> store) {
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("a round needs at least one question");
        }
        this.setup = setup;
        this.questions = List.copyOf(questions);
        this.scorer = scorer;
        this.reviewer = reviewer;
        this.store = store;
    }

    public RoundSetup setup() {
        return setup;
    }

    public List<PracticeQuestion> questions() {
        return questions;
    }

    public synchronized boolean finished() {
        return results.size() >= questions.size();
    }

    public synchronized PracticeQuestion current() {
        if (finished()) {
            throw new IllegalStateException("the round is over");
        }
        return questions.get(results.size());
    }

    public synchronized List<QuestionResult> results() {
        return List.copyOf(results);
    }

    /** The stored session's id, once the first answer was stored. */
    public synchronized Optional<Long> sessionId() {
        return sessionId < 0 ? Optional.empty() : Optional.of(sessionId);
    }

    /**
     * Scores the answer to the current question, stores it and moves on.
     *
     * @throws IllegalStateException when the question was skipped (or the round ended) while the
     *                               answer was being scored; nothing is stored then
     */
    public QuestionResult answer(Answer answer) {
        PracticeQuestion q = current();
        AnswerScore score = scorer.score(q.template(), answer);
        Optional<String> followUp = FollowUpPicker.pick(q.template(), score, setup.seniority());
        boolean fromLlm = false;
        Optional<LlmReview> review = Optional.empty();
        Optional<String> status = Optional.empty();
        if (reviewer.isPresent() && answer.wordCount() > 0) {
            ReviewOutcome outcome = reviewer.get().review(q, answer, score);
            if (outcome instanceof ReviewOutcome.Reviewed r) {
                review = Optional.of(r.review());
                if (!r.review().followUp().isBlank()) {
                    followUp = Optional.of(r.review().followUp());
                    fromLlm = true;
                }
            } else if (outcome instanceof ReviewOutcome.Failed f) {
                status = Optional.of(f.status());
            }
        }
        QuestionResult result = new QuestionResult(q, answer, score, followUp, fromLlm, review, status);
        synchronized (this) {
            if (finished() || current() != q) {
                throw new IllegalStateException("question " + q.number() + " was skipped while its answer was scored");
            }
            keep(result);
        }
        return result;
    }

    /**
     * Records an answer scored elsewhere (the command line scores first and shows the score, then
     * stores it: a full disk must not cost the user the score).
     */
    public synchronized void record(QuestionResult result) {
        if (finished() || current() != result.question()) {
            throw new IllegalStateException("question " + result.question().number() + " is not the current one");
        }
        keep(result);
    }

    /** The current question's result: stored (when the round has a store) and counted. */
    private void keep(QuestionResult result) {
        store.ifPresent(s -> save(s, result));
        results.add(result);
    }

    /** Skips the current question (stored as asked, with no answer and no score). */
    public synchronized void skip() {
        PracticeQuestion q = current();
        store.ifPresent(s -> {
            ensureSession(s);
            long start = positionMs;
            s.appendUtterance(sessionId, new Utterance(Channel.THEM, start, start + speakingMs(q.text()), q.text()));
            s.recordQuestion(sessionId, detected(q, start + speakingMs(q.text())), start);
            positionMs = start + speakingMs(q.text()) + GAP_MS;
        });
        results.add(new QuestionResult(q, Answer.typed(""), scorer.score(q.template(), Answer.typed("")),
                Optional.empty(), false, Optional.empty(), Optional.empty()));
    }

    /** Ends the round: the session is closed and the report built (with the history it joins). */
    public synchronized PracticeReport finish(PracticeHistory history) {
        store.ifPresent(s -> {
            if (sessionId >= 0) {
                s.finishSession(sessionId);
            }
        });
        return PracticeReport.of(this, history);
    }

    /**
     * Ends a round left before its last question (its window closed, or another round started): its
     * session is closed with what was asked and answered, no report. It stayed "still recording".
     */
    public synchronized void leave() {
        store.ifPresent(s -> {
            if (sessionId >= 0) {
                s.finishSession(sessionId);
            }
        });
    }

    static final long GAP_MS = 1000;

    private void save(SessionStore s, QuestionResult r) {
        ensureSession(s);
        PracticeQuestion q = r.question();
        long start = positionMs;
        long asked = start + speakingMs(q.text());
        s.transaction(() -> {
            s.appendUtterance(sessionId, new Utterance(Channel.THEM, start, asked, q.text()));
            s.recordQuestion(sessionId, detected(q, asked), start);
            long answerStart = asked + GAP_MS;
            long end = answerStart;
            if (r.answer().spoken()) {
                long first = r.answer().utterances().stream().mapToLong(Utterance::startMs).min().orElse(0);
                for (Utterance u : r.answer().utterances()) {
                    Utterance moved = new Utterance(Channel.ME, answerStart + u.startMs() - first,
                            answerStart + u.endMs() - first, u.text());
                    s.appendUtterance(sessionId, moved);
                    end = Math.max(end, moved.endMs());
                }
            } else if (!r.answer().text().isBlank()) {
                end = answerStart + r.answer().metrics().spanMs();
                s.appendUtterance(sessionId, Utterance.typed(Channel.ME, answerStart, end, r.answer().text()));
            }
            if (r.answer().wordCount() > 0) {
                s.recordScore(sessionId, q.number(), r.score().total(), ScoreJson.write(r.score()),
                        r.followUp().orElse(null));
            }
            positionMs = end + GAP_MS;
        });
    }

    private void ensureSession(SessionStore s) {
        if (sessionId < 0) {
            // one question scored on its own ('practice score --save') is not a drill the user ran
            String title = "Practice: " + (questions.size() == 1 ? "one answer" : setup.type().id())
                    + " (" + setup.seniority().id() + ")"
                    + setup.focus().map(c -> " — " + c.id()).orElse("");
            sessionId = s.startSession(new SessionInfo(SessionKind.PRACTICE, title, "cuecard", null, null, null));
        }
    }

    private static DetectedQuestion detected(PracticeQuestion q, long endMs) {
        Classification c = new Classification(q.text(), true, q.category(), Optional.of(q.template()), 1.0, 1.0);
        return new DetectedQuestion(q.number(), Channel.THEM, c, endMs, endMs, false, false);
    }

    /** How long asking takes, at the typed-answer rate: the timeline only needs plausible gaps. */
    private static long speakingMs(String text) {
        return Math.max(1000, Answer.typed(text).wordCount() * 60_000L / Answer.TYPED_WORDS_PER_MINUTE);
    }
}
