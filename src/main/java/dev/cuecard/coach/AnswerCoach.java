package dev.cuecard.coach;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.asr.Word;
import dev.cuecard.audio.Channel;
import dev.cuecard.coverage.PointCoverage;
import dev.cuecard.coverage.SemanticCoverage;
import dev.cuecard.hint.Hint;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.practice.FollowUpPicker;
import dev.cuecard.practice.Seniority;
import dev.cuecard.question.Category;
import dev.cuecard.question.DetectedQuestion;
import dev.cuecard.question.TextNormalizer;
import dev.cuecard.session.Utterance;
import dev.cuecard.session.debrief.AnswerFeedbackRater;
import dev.cuecard.session.debrief.SpeakingMetrics;
import dev.cuecard.session.debrief.StructureCheck;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The coach's logic, on one thread (its stage's worker; a test calls it directly). An answer is the
 * candidate's speech from a question's start to the next question's start, by audio time, so the
 * two channels may arrive in any order: a candidate's final result waits until the interviewer's
 * channel has been heard up to its end (a question starting before it would claim it), unless there
 * is no interviewer channel or it has ended.
 */
public final class AnswerCoach {
    /** Answer length from which the wrap-up cue shows (the target is 1–2 minutes). */
    public static final long WRAP_UP_MS = 120_000;
    /** Pace is measured over this much of the latest speech. */
    public static final long PACE_WINDOW_MS = 20_000;
    /** An answer ends this long (of candidate audio) after the next question began, if no word of it came. */
    static final long END_AFTER_NEXT_QUESTION_MS = 2_000;
    /** Partial results may tick (default); {@code -Dcuecard.coach.partials=false} waits for finals (for comparisons). */
    static final boolean PARTIALS = Boolean.parseBoolean(System.getProperty("cuecard.coach.partials", "true"));
    /** A final result is compared with the card this many words at a time. */
    static final int CHUNK_WORDS = 8;

    /** Publishes an event on the candidate's channel, stamped with its current audio position. */
    @FunctionalInterface
    public interface Output {
        void emit(LongFunction<PipelineEvent> event);
    }

    private record Asked(int id, long startMs, Category category) {
    }

    private final Supplier<SemanticCoverage> coverage;
    private final Output out;
    private final boolean gated;
    private final List<Asked> questions = new ArrayList<>();
    private final Map<Integer, Hint> hints = new HashMap<>();
    private final Deque<TranscriptEvent> waiting = new ArrayDeque<>();
    private long themAtMs;
    private boolean themEnded;
    private long meAtMs;
    private Answer answer;
    /** Questions whose answer has ended: late words of theirs are not coached again. */
    private final Set<Integer> ended = new java.util.HashSet<>();
    private int lastPeekWords = -1;
    /** When the interviewer closed the questions ("any questions for me?"), if they did; a later question reopens. */
    private long closedAtMs = Long.MAX_VALUE;

    /**
     * @param gated there is an interviewer channel whose questions may still claim the candidate's words
     */
    public AnswerCoach(SemanticCoverage coverage, boolean gated, Output out) {
        this(() -> coverage, gated, out);
    }

    /** @param coverage asked for at the first answer (loading the embedding model takes a second) */
    public AnswerCoach(Supplier<SemanticCoverage> coverage, boolean gated, Output out) {
        this.coverage = coverage;
        this.gated = gated;
        this.out = out;
    }

    public void question(DetectedQuestion q) {
        long start = q.startMs() >= 0 ? q.startMs() : q.speechEndMs();
        questions.removeIf(a -> a.id() == q.id());
        questions.add(new Asked(q.id(), start, q.classification().category()));
        questions.sort((a, b) -> Long.compare(a.startMs(), b.startMs()));
        settle();
    }

    /** The card shown for a question; a later one (a draft, a refined card) replaces its key points. */
    public void hint(int questionId, Hint hint) {
        hints.put(questionId, hint);
        if (answer != null && answer.questionId == questionId) {
            answer.tracker.setPoints(hint.keyPoints());
            tick(answer.tracker.coverage());
        }
    }

    /** The interviewer closed the questions at {@code startMs}: what the candidate says after it answers none. */
    public void closing(long startMs) {
        closedAtMs = startMs;
        settle();
    }

    public void interviewerAt(long atMs) {
        themAtMs = Math.max(themAtMs, atMs);
        settle();
    }

    public void interviewerEnded() {
        themEnded = true;
        settle();
    }

    public void candidateAt(long atMs) {
        meAtMs = Math.max(meAtMs, atMs);
        settle();
    }

    /** A final result of the candidate's channel. */
    public void heard(TranscriptEvent e) {
        meAtMs = Math.max(meAtMs, e.atMs());
        if (!e.text().isBlank()) {
            waiting.add(e);
        }
        settle();
    }

    /** A partial result of the candidate's channel: may tick early, never un-ticks. */
    public void hearing(TranscriptEvent e) {
        meAtMs = Math.max(meAtMs, e.atMs());
        settle();
        if (!PARTIALS || !waiting.isEmpty() || gated && !themEnded && e.atMs() > themAtMs) {
            return; // earlier words, or a question that may still claim these, come first
        }
        Optional<Asked> q = owner(e.startMs());
        if (q.isEmpty() || ended.contains(q.get().id()) || answer != null && q.get().startMs() < answer.questionStartMs) {
            return;
        }
        if (answer == null || answer.questionId != q.get().id()) {
            startAnswer(q.get());
        }
        int words = TextNormalizer.words(TextNormalizer.normalize(e.text())).size();
        if (words == 0 || words == lastPeekWords) {
            return;
        }
        lastPeekWords = words;
        tick(answer.tracker.peek(e.text()));
    }

    /** The candidate's channel ended: what is waiting is placed, and the last answer ends. */
    public void candidateEnded() {
        themEnded = true;
        settle();
        endAnswer();
    }

    private void settle() {
        while (!waiting.isEmpty() && (!gated || themEnded || waiting.peek().endMs() <= themAtMs)) {
            place(waiting.poll());
        }
        if (answer != null && waiting.isEmpty()) {
            Optional<Asked> next = questions.stream().filter(a -> a.startMs() > answer.questionStartMs).findFirst();
            if (next.isPresent() && meAtMs >= next.get().startMs() + END_AFTER_NEXT_QUESTION_MS
                    || closedAtMs != Long.MAX_VALUE && closedAtMs > answer.questionStartMs
                    && meAtMs >= closedAtMs + END_AFTER_NEXT_QUESTION_MS) {
                endAnswer();
            }
        }
    }

    private Optional<Asked> owner(long startMs) {
        Asked found = null;
        for (Asked a : questions) {
            if (a.startMs() <= startMs) {
                found = a;
            }
        }
        if (found != null && found.startMs() < closedAtMs && closedAtMs <= startMs) {
            return Optional.empty(); // said after the questions were closed
        }
        return Optional.ofNullable(found);
    }

    private void place(TranscriptEvent e) {
        Optional<Asked> q = owner(e.startMs());
        if (q.isEmpty() || ended.contains(q.get().id())) {
            return; // before the first question (small talk), or late for an answer already ended
        }
        if (answer == null || answer.questionId != q.get().id()) {
            if (answer != null && q.get().startMs() < answer.questionStartMs) {
                return; // a late word of an answer already closed
            }
            startAnswer(q.get());
        }
        lastPeekWords = -1;
        Answer a = answer;
        a.add(e);
        // a long result is compared a few words at a time, each tick sent as soon as it is found
        List<String> words = TextNormalizer.words(TextNormalizer.normalize(e.text()));
        for (int from = 0; from < words.size(); from += CHUNK_WORDS) {
            a.tracker.add(String.join(" ", words.subList(from, Math.min(words.size(), from + CHUNK_WORDS))));
            tick(a.tracker.coverage());
        }
        SpeakingMetrics m = a.metrics();
        long elapsed = a.lastEndMs - a.firstStartMs;
        double pace = a.recentWordsPerMinute();
        List<String> covered = List.copyOf(a.ticked);
        List<String> next = a.nextToSay(hints.get(a.questionId));
        long start = a.firstStartMs;
        out.emit(at -> new PipelineEvent.AnswerProgress(a.questionId, start, elapsed, pace, m.fillerCount(),
                elapsed >= WRAP_UP_MS, covered, next, Channel.ME, at));
    }

    private void startAnswer(Asked q) {
        endAnswer();
        Hint h = hints.get(q.id());
        answer = new Answer(q, coverage.get().track(h == null ? List.of() : h.keyPoints()));
    }

    private void tick(List<PointCoverage> found) {
        Answer a = answer;
        for (PointCoverage p : found) {
            if (p.covered() && a.ticked.add(p.point())) {
                out.emit(at -> new PipelineEvent.Coverage(a.questionId, p.point(), Channel.ME, at));
            }
        }
    }

    private void endAnswer() {
        Answer a = answer;
        answer = null;
        lastPeekWords = -1;
        if (a != null) {
            ended.add(a.questionId);
        }
        if (a == null || a.utterances.isEmpty()) {
            return;
        }
        SpeakingMetrics m = a.metrics();
        Hint h = hints.get(a.questionId);
        List<String> points = h == null ? List.of() : h.keyPoints();
        List<String> covered = points.stream().filter(a.ticked::contains).toList();
        List<String> missed = points.stream().filter(p -> !a.ticked.contains(p)).toList();
        Optional<String> followUp = h == null ? Optional.empty() : FollowUpPicker.pick(h.followUps(), missed, Seniority.MID);
        long duration = a.lastEndMs - a.firstStartMs;
        out.emit(at -> new PipelineEvent.AnswerEnd(a.questionId, duration, m.wordsPerMinute(), m.fillerCount(), covered,
                missed, followUp, Channel.ME, at));
    }

    /** A key point as a glance: the part before its explanation ("Delete on write rather than update"). */
    public static String glance(String point) {
        String s = point.split(" — | – |; |: ", 2)[0].strip();
        return s.length() > 60 ? s.substring(0, 57).strip() + "…" : s;
    }

    /** One answer in progress. */
    private static final class Answer {
        final int questionId;
        final long questionStartMs;
        final Category category;
        final SemanticCoverage.Tracker tracker;
        final Set<String> ticked = new LinkedHashSet<>();
        final List<Utterance> utterances = new ArrayList<>();
        /** End time of each word said, for the pace of the last 20 s. */
        final List<Long> wordEnds = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        long firstStartMs = -1;
        long lastEndMs;

        Answer(Asked q, SemanticCoverage.Tracker tracker) {
            this.questionId = q.id();
            this.questionStartMs = q.startMs();
            this.category = q.category();
            this.tracker = tracker;
        }

        void add(TranscriptEvent e) {
            if (firstStartMs < 0) {
                firstStartMs = e.startMs();
            }
            lastEndMs = Math.max(lastEndMs, e.endMs());
            utterances.add(new Utterance(Channel.ME, e.startMs(), e.endMs(), e.text()));
            text.append(text.isEmpty() ? "" : " ").append(e.text());
            if (!e.words().isEmpty()) {
                for (Word w : e.words()) {
                    wordEnds.add(w.endMs());
                }
            } else {
                int n = TextNormalizer.words(TextNormalizer.normalize(e.text())).size();
                for (int i = 1; i <= n; i++) {
                    wordEnds.add(e.startMs() + (e.endMs() - e.startMs()) * i / n);
                }
            }
        }

        SpeakingMetrics metrics() {
            return SpeakingMetrics.of(utterances);
        }

        double recentWordsPerMinute() {
            long from = Math.max(firstStartMs, lastEndMs - PACE_WINDOW_MS);
            long words = wordEnds.stream().filter(t -> t > from).count();
            long span = lastEndMs - from;
            return span < 3_000 ? 0 : words * 60_000.0 / span;
        }

        /** One or two things to say next: an untouched key point, then a trade-off, a number or a second point. */
        List<String> nextToSay(Hint hint) {
            List<String> next = new ArrayList<>();
            List<String> untouched = hint == null ? List.of()
                    : hint.keyPoints().stream().filter(p -> !ticked.contains(p)).toList();
            if (!untouched.isEmpty()) {
                next.add(glance(untouched.get(0)));
            }
            String normalized = TextNormalizer.normalize(text.toString());
            StructureCheck shape = AnswerFeedbackRater.structure(normalized, category);
            boolean noNumber = AnswerFeedbackRater.numbers(normalized).isEmpty();
            if (category == Category.BEHAVIORAL) {
                if (shape.missing().contains("result")) {
                    next.add("the result, with a number");
                }
            } else if (shape.missing().contains("trade-off")) {
                next.add("a trade-off");
            } else if (noNumber) {
                next.add("a number");
            }
            if (next.size() < 2 && untouched.size() > 1) {
                next.add(glance(untouched.get(1)));
            }
            return next.subList(0, Math.min(2, next.size()));
        }
    }
}
