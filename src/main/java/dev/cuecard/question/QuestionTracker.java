package dev.cuecard.question;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.audio.PauseDetector;
import java.util.Objects;
import java.util.Optional;

/**
 * Early decision for one channel: classifies partial results as they grow and decides once the
 * answer is stable and confident, so the card can appear while the question is still being spoken.
 * It never flip-flops: after a decision only a clearly better, stable template may refine it once,
 * and the final result only refines when it disagrees. Not thread-safe: one per channel thread.
 */
public final class QuestionTracker {
    /** Partials shorter than this are too ambiguous ("how would you"). */
    static final int MIN_EARLY_WORDS = 4;
    /** Confidence needed when two consecutive partials agree on the template. */
    static final double EARLY_CONFIDENCE = 0.55;
    /** Confidence that decides on a single partial. */
    static final double SURE_CONFIDENCE = 0.85;
    /** Template similarity needed for an early card: the category alone ("how would you design") is not enough. */
    static final double EARLY_TEMPLATE_SCORE = 0.45;
    /** Similarity that decides on a single partial (with {@link #SURE_CONFIDENCE}). */
    static final double SURE_TEMPLATE_SCORE = 0.70;
    /** How much better a new template must match to replace a decided one. */
    static final double REFINE_GAIN = 0.15;

    /** Trailing silence that ends a question before the recogniser's own endpoint (~1 s) does. */
    static final long PAUSE_MS = 300;
    /** Confidence needed to decide at a pause (the speaker has stopped: no later words will help). */
    static final double PAUSE_CONFIDENCE = 0.45;

    private final UtteranceClassifier classifier;
    private final PauseDetector pauses = new PauseDetector();
    private TranscriptEvent openPartial;
    private Classification openClassification;
    private int nextId = 1;
    private String previousTemplate;
    private int stableCount;
    private DetectedQuestion decided;
    private boolean refinedOnce;

    public QuestionTracker(UtteranceClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * Audio of the channel as it reaches the recogniser: when the interviewer has gone quiet after
     * a question-like partial, decide now instead of waiting for the final result.
     */
    public Optional<DetectedQuestion> onAudio(double rms, long endMs) {
        boolean paused = pauses.update(rms, endMs) >= PAUSE_MS;
        if (!paused || decided != null || openPartial == null) {
            return Optional.empty();
        }
        Classification c = openClassification;
        int words = TextNormalizer.words(TextNormalizer.normalize(c.text())).size();
        if (c.isQuestion() && c.confidence() >= PAUSE_CONFIDENCE
                && words >= MIN_EARLY_WORDS) {
            decided = new DetectedQuestion(nextId++, openPartial.channel(), c, endMs, openPartial.endMs(), true, false);
            return Optional.of(decided);
        }
        return Optional.empty();
    }

    public Optional<DetectedQuestion> onTranscript(TranscriptEvent e) {
        Classification c = classifier.classify(e.text());
        if (e.isFinal()) {
            openPartial = null;
            openClassification = null;
        } else {
            openPartial = e;
            openClassification = c;
        }
        Optional<DetectedQuestion> out = e.isFinal() ? onFinal(e, c) : onPartial(e, c);
        if (e.isFinal()) {
            previousTemplate = null;
            stableCount = 0;
            decided = null;
            refinedOnce = false;
        }
        return out;
    }

    private Optional<DetectedQuestion> onPartial(TranscriptEvent e, Classification c) {
        if (!c.isQuestion()) {
            previousTemplate = null;
            stableCount = 0;
            return Optional.empty();
        }
        stableCount = Objects.equals(previousTemplate, c.templateId()) ? stableCount + 1 : 1;
        previousTemplate = c.templateId();
        if (decided == null) {
            int words = TextNormalizer.words(TextNormalizer.normalize(e.text())).size();
            boolean confident = c.template().isPresent()
                    && ((stableCount >= 2 && c.confidence() >= EARLY_CONFIDENCE && c.score() >= EARLY_TEMPLATE_SCORE)
                    || (c.confidence() >= SURE_CONFIDENCE && c.score() >= SURE_TEMPLATE_SCORE));
            if (words >= MIN_EARLY_WORDS && confident) {
                decided = new DetectedQuestion(nextId++, e.channel(), c, e.atMs(), e.endMs(), true, false);
                return Optional.of(decided);
            }
            return Optional.empty();
        }
        if (!refinedOnce && stableCount >= 2 && !Objects.equals(c.templateId(), decided.classification().templateId())
                && c.confidence() >= EARLY_CONFIDENCE
                && c.score() >= decided.classification().score() + REFINE_GAIN) {
            refinedOnce = true;
            decided = new DetectedQuestion(decided.id(), e.channel(), c, e.atMs(), e.endMs(), true, true);
            return Optional.of(decided);
        }
        return Optional.empty();
    }

    private Optional<DetectedQuestion> onFinal(TranscriptEvent e, Classification c) {
        if (decided == null) {
            return c.isQuestion()
                    ? Optional.of(new DetectedQuestion(nextId++, e.channel(), c, e.atMs(), e.endMs(), false, false))
                    : Optional.empty();
        }
        if (c.isQuestion() && !Objects.equals(c.templateId(), decided.classification().templateId())) {
            return Optional.of(new DetectedQuestion(decided.id(), e.channel(), c, e.atMs(), e.endMs(), false, true));
        }
        return Optional.empty();
    }
}
