package dev.cuecard.question;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.audio.PauseDetector;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Early decision for one channel: classifies partial results as they grow and decides once the
 * answer is stable and confident, so the card can appear while the question is still being spoken.
 * It never flip-flops: after a decision only a clearly stronger, stable reading may refine it once,
 * and the final result only when it is clearly stronger too ({@link #stronger}). Not thread-safe: one per channel thread.
 */
public final class QuestionTracker {
    /** Partials shorter than this are too ambiguous ("how would you"). */
    static final int MIN_EARLY_WORDS = 4;
    /** Confidence needed when two consecutive partials agree on the template. */
    static final double EARLY_CONFIDENCE = 0.55;
    /**
     * What the full reading must reach to confirm a card decided on the lexical reading of partials.
     * 0.7 was tried on a fresh validation panel (200 lines never trained on): no card more right,
     * one point less early — the early cards it would hold back were right (BENCHMARKS.md).
     */
    static final double EARLY_FULL_CONFIDENCE = Double.parseDouble(
            System.getProperty("cuecard.tracker.earlyFullConfidence", "0.55"));
    /** Confidence that decides on a single partial. */
    static final double SURE_CONFIDENCE = 0.85;
    /** Template similarity needed for an early card: the category alone ("how would you design") is not enough. */
    static final double EARLY_TEMPLATE_SCORE = 0.45;
    /** Similarity that decides on a single partial (with {@link #SURE_CONFIDENCE}). */
    static final double SURE_TEMPLATE_SCORE = 0.70;
    /** How much better a new template must match to replace a decided one. */
    static final double REFINE_GAIN = 0.15;
    /** How much more confident a new category must be to replace a decided one. */
    static final double REFINE_CATEGORY_GAIN = 0.10;
    /**
     * Off ({@code -Dcuecard.tracker.strongerOnly=false}) restores the old rule, kept for comparison:
     * the final result replaced the card whenever it named another template, however weak.
     */
    static final boolean STRONGER_ONLY = Boolean.parseBoolean(System.getProperty("cuecard.tracker.strongerOnly", "true"));

    /** Trailing silence that ends a question before the recogniser's own endpoint (~1 s) does. */
    static final long PAUSE_MS = Long.parseLong(System.getProperty("cuecard.tracker.pauseMs", "300"));
    /**
     * Confidence of the topic (category) that decides before a template matches, once
     * {@link #CATEGORY_PARTIALS} growing partials in a row agree on it: a question about something no
     * template names still gets its card before the speaker stops. The template may sharpen later.
     */
    static final double CATEGORY_CONFIDENCE = Double.parseDouble(System.getProperty("cuecard.tracker.categoryConfidence", "0.8"));
    static final int CATEGORY_PARTIALS = 3;
    /**
     * What the full reading (lexical mixed with both semantic views) must reach to agree: its
     * readings at ≥ 0.7 are as often right (98–99 % in dev cross-validation, bench/fusion-tuning.sh
     * with -Dcuecard.tuning.calibration=true) as the old two-way mix's at ≥ 0.8.
     */
    static final double CATEGORY_FULL_CONFIDENCE = Double.parseDouble(
            System.getProperty("cuecard.tracker.categoryFullConfidence", "0.7"));
    /**
     * Some template evidence the topic-only card still needs: an opener alone ("walk me through how
     * you would", "tell me how you") reads as behavioral with high confidence before the topic is said.
     */
    static final double CATEGORY_MIN_SCORE = 0.1;
    /** Ablation switch for the topic-only early card. */
    static final boolean EARLY_CATEGORY = Boolean.parseBoolean(System.getProperty("cuecard.tracker.earlyCategory", "true"));
    /**
     * Confidence needed to decide at a pause (the speaker has stopped: no later words will help).
     * 0 (every question-like pause decides) was tried on the held-out slt panel: p90 question end →
     * card 1.07 → 0.37 s, but 3 fewer first cards right — the final, ~0.7 s later, reads the last
     * words and the recogniser's other readings; with 200 ms of silence also, 11 fewer (mid-question pauses).
     */
    static final double PAUSE_CONFIDENCE = Double.parseDouble(System.getProperty("cuecard.tracker.pauseConfidence", "0.45"));
    /**
     * Words the open partial needs to decide at a pause: fewer than mid-question ({@link #MIN_EARLY_WORDS}),
     * as the speaker has stopped and a short question ("explain read repair") is whole; as many as any question has.
     */
    static final int PAUSE_MIN_WORDS = Integer.parseInt(System.getProperty("cuecard.tracker.pauseMinWords",
            String.valueOf(QuestionDetector.MIN_WORDS)));
    /**
     * Confidence the full reading needs at a pause where the fast lexical reading saw no question
     * ("give me a rough estimate of the bandwidth this would need at peak"): more than where it did,
     * as small talk is what the fast reading mostly turns away.
     */
    static final double PAUSE_UNCUED_CONFIDENCE = Double.parseDouble(
            System.getProperty("cuecard.tracker.pauseUncuedConfidence", "0.6"));

    /**
     * Words no question ends on: an article, a possessive or a conjunction whose word is still to come. "How would
     * you design the" reads as system design at 0.87 whether "cache keys" or "tables" follows, and a pause after
     * "… web servers in a" is a breath mid-question, not its end. "Whether", "if" and an infinitive's "to" open the
     * part that says what is asked: "how do you decide whether (to)" reads as prioritisation (behavioral) before
     * "roll back" makes it a deploy question. Of the dev split's 2,686 questions none ends on "whether" or "if" and
     * two on "to". Other prepositions are not here: a question may end on one ("what are you working on").
     */
    static final Set<String> MID_PHRASE = Set.of("the", "a", "an", "your", "my", "our", "their", "its", "and", "or",
            "but", "whether", "if", "to");
    /** Ablation switch for {@link #endsMidPhrase}. */
    static final boolean WAIT_MID_PHRASE = Boolean.parseBoolean(System.getProperty("cuecard.tracker.waitMidPhrase", "true"));

    /**
     * Words that, opening the line, acknowledge the answer just given: "okay, compare and swap in a loop, sure",
     * "right, because the lock is held across the network call", "and then the consumer commits the offset". Until
     * such a line asks something ({@link UtteranceClassifier#asks}) it is most likely the answer played back, which
     * names a topic as strongly as a question does: no card is decided on its partials nor at a pause in it (the
     * "got it" that closes a played-back answer often follows one). The end of the line decides, or the question
     * that follows in the same breath ("okay, and how would you shard it").
     */
    static final Set<String> ACKNOWLEDGING = Set.of("okay", "ok", "right", "alright", "sure", "cool", "great",
            "perfect", "nice", "yeah", "yep", "yes", "gotcha", "mhm", "interesting", "understood", "noted");
    /** Ablation switch for {@link #acknowledgedNotAsked}. */
    static final boolean WAIT_ACKNOWLEDGED = Boolean.parseBoolean(
            System.getProperty("cuecard.tracker.waitAcknowledged", "true"));
    /**
     * Whether a pause after words that ask nothing needs {@link #PAUSE_UNCUED_CONFIDENCE} even where the fast
     * reading saw a question: "infrastructure wise we're on AWS, three regions" reads as ops at 0.64.
     */
    static final boolean PAUSE_ASKS = Boolean.parseBoolean(System.getProperty("cuecard.tracker.pauseAsks", "true"));
    /**
     * Confidence a card decided at the end of a line that asks nothing needs. Off: 0.6 kept two small-talk lines of
     * 160 off the tuning panel ("our SLO for the public API is three nines, measured monthly" 0.42) but missed three
     * noisy questions of 200 on another and six of 500 on a fresh panel (statements that are questions: "every
     * afternoon our API times out and the pool is exhausted"), saving one small-talk line there (BENCHMARKS.md).
     */
    static final double FINAL_UNCUED_CONFIDENCE = Double.parseDouble(
            System.getProperty("cuecard.tracker.finalUncuedConfidence", "0"));

    private final UtteranceClassifier classifier;
    private final PauseDetector pauses = new PauseDetector();
    private TranscriptEvent openPartial;
    private Classification openClassification;
    /** The full reading of the open partial at a pause, taken once per partial (it costs a few ms). */
    private Classification pauseReading;
    private int nextId = 1;
    private String previousTemplate;
    private int stableCount;
    private Category previousCategory;
    private int categoryCount;
    private DetectedQuestion decided;
    private boolean refinedOnce;
    /** Where speech began after the last final result (-1: not yet), and the end of the previous chunk. */
    private long speechStartMs = -1;
    private long lastAudioEndMs;
    /** The last final words heard on the channel, for "ask now" between utterances. */
    private TranscriptEvent lastFinal;
    /** The card of the utterance that just ended, with all its words ({@link #takeHeardInFull}). */
    private DetectedQuestion heardInFull;
    /** The words given by {@link #takeHeardInFull} at a pause in this utterance (null: none yet). */
    private String heardText;

    public QuestionTracker(UtteranceClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * Audio of the channel as it reaches the recogniser: when the interviewer has gone quiet after
     * a question-like partial, decide now instead of waiting for the final result.
     */
    public Optional<DetectedQuestion> onAudio(double rms, long endMs) {
        boolean paused = pauses.update(rms, endMs) >= PAUSE_MS;
        if (pauses.speaking() && speechStartMs < 0) {
            speechStartMs = lastAudioEndMs; // the chunk that began with speech started here
        }
        lastAudioEndMs = endMs;
        if (paused && decided != null && openPartial != null && heardText == null) {
            // the interviewer stopped after a card decided mid-question: the words so far are the
            // question (the final result, ~0.7 s later, only corrects them); a card decided at this
            // pause was decided on them already
            heardText = openPartial.text();
            if (decided.reason() != DecisionReason.PAUSE || !heardText.equals(decided.text())) {
                heardInFull = inFull(decided, openPartial);
            }
        }
        if (!paused || decided != null || openPartial == null) {
            return Optional.empty();
        }
        Classification c = openClassification;
        List<String> words = TextNormalizer.words(TextNormalizer.normalize(c.text()));
        if ((words.size() < PAUSE_MIN_WORDS && !QuestionDetector.shortDirective(words)) || endsMidPhrase(words)
                || acknowledgedNotAsked(words, openPartial.text())) {
            return Optional.empty();
        }
        if (pauseReading == null) {
            // the speaker has stopped: no later words will help, so this is the moment for the full reading
            pauseReading = classifier.confirm(openPartial.text(), openPartial.terms());
        }
        Classification f = pauseReading;
        // small talk stays uncarded: where the fast reading saw no question, the full reading must be surer
        double needed = c.isQuestion() && (!PAUSE_ASKS || classifier.asks(openPartial.text()))
                ? PAUSE_CONFIDENCE : PAUSE_UNCUED_CONFIDENCE;
        if (f.isQuestion() && f.confidence() >= needed) {
            decided = new DetectedQuestion(nextId++, openPartial.channel(), f, endMs, openPartial.endMs(), true, false,
                    DecisionReason.PAUSE, spokenFrom(openPartial));
            return Optional.of(decided);
        }
        return Optional.empty();
    }

    public Optional<DetectedQuestion> onTranscript(TranscriptEvent e) {
        Classification c = e.isFinal() ? classifier.confirm(e.text(), e.alternatives(), e.terms())
                : classifier.classify(e.text(), e.terms());
        pauseReading = null;
        if (e.isFinal()) {
            if (!e.text().isBlank()) {
                lastFinal = e;
            }
            openPartial = null;
            openClassification = null;
        } else {
            openPartial = e;
            openClassification = c;
        }
        Optional<DetectedQuestion> out = e.isFinal() ? onFinal(e, c) : onPartial(e, c);
        if (e.isFinal()) {
            heardInFull = decided != null && out.isEmpty() ? inFull(decided, e) : null;
            if (heardInFull != null && heardInFull.text().equals(heardText)) {
                heardInFull = null; // said at the pause already
            }
            heardText = null;
            speechStartMs = -1;
            previousTemplate = null;
            stableCount = 0;
            previousCategory = null;
            categoryCount = 0;
            decided = null;
            refinedOnce = false;
        }
        return out;
    }

    private Optional<DetectedQuestion> onPartial(TranscriptEvent e, Classification c) {
        if (!c.isQuestion()) {
            previousTemplate = null;
            stableCount = 0;
            previousCategory = null;
            categoryCount = 0;
            return Optional.empty();
        }
        stableCount = Objects.equals(previousTemplate, c.templateId()) ? stableCount + 1 : 1;
        previousTemplate = c.templateId();
        categoryCount = c.category() == previousCategory ? categoryCount + 1 : 1;
        previousCategory = c.category();
        List<String> heardWords = TextNormalizer.words(TextNormalizer.normalize(e.text()));
        if (endsMidPhrase(heardWords)) {
            return Optional.empty(); // the counts above still grow: the next partial may decide at once
        }
        if (decided == null) {
            if (acknowledgedNotAsked(heardWords, e.text())) {
                return Optional.empty();
            }
            int words = heardWords.size();
            boolean stable = stableCount >= 2 && c.confidence() >= EARLY_CONFIDENCE && c.score() >= EARLY_TEMPLATE_SCORE;
            boolean sure = c.confidence() >= SURE_CONFIDENCE && c.score() >= SURE_TEMPLATE_SCORE;
            if (words >= MIN_EARLY_WORDS && EARLY_CATEGORY && !stable && !sure && categoryCount >= CATEGORY_PARTIALS
                    && c.confidence() >= CATEGORY_CONFIDENCE && c.score() >= CATEGORY_MIN_SCORE) {
                Classification f = classifier.confirm(e.text(), e.terms());
                if (!f.isQuestion() || f.category() != c.category() || f.confidence() < CATEGORY_FULL_CONFIDENCE) {
                    return Optional.empty();
                }
                decided = new DetectedQuestion(nextId++, e.channel(), f, e.atMs(), e.endMs(), true, false,
                        DecisionReason.STABLE_CATEGORY, spokenFrom(e));
                return Optional.of(decided);
            }
            if (words >= MIN_EARLY_WORDS && c.template().isPresent() && (stable || sure)) {
                // the lexical reading is ready to decide; the full reading must agree it is a question
                Classification f = classifier.confirm(e.text(), e.terms());
                if (!f.isQuestion() || f.template().isEmpty() || f.confidence() < EARLY_FULL_CONFIDENCE) {
                    return Optional.empty();
                }
                decided = new DetectedQuestion(nextId++, e.channel(), f, e.atMs(), e.endMs(), true, false,
                        stable ? DecisionReason.STABLE_PARTIALS : DecisionReason.SURE_PARTIAL, spokenFrom(e));
                return Optional.of(decided);
            }
            return Optional.empty();
        }
        if (!refinedOnce && stableCount >= 2 && !Objects.equals(c.templateId(), decided.classification().templateId())
                && c.confidence() >= EARLY_CONFIDENCE
                && (stronger(c, decided.classification()) || sharperTemplate(c, decided))) {
            Classification f = classifier.confirm(e.text(), e.terms());
            if (Objects.equals(f.templateId(), decided.classification().templateId())
                    || !(stronger(f, decided.classification()) || sharperTemplate(f, decided))) {
                return Optional.empty();
            }
            refinedOnce = true;
            decided = new DetectedQuestion(decided.id(), e.channel(), f, e.atMs(), e.endMs(), true, true,
                    DecisionReason.STRONGER_PARTIAL, decided.startMs());
            return Optional.of(decided);
        }
        return Optional.empty();
    }

    /** Whether the line opens on {@link #ACKNOWLEDGING} (or "and then") and its words so far ask nothing. */
    private boolean acknowledgedNotAsked(List<String> words, String text) {
        boolean opens = !words.isEmpty() && (ACKNOWLEDGING.contains(words.get(0))
                || words.size() > 1 && words.get(0).equals("and") && words.get(1).equals("then"));
        return WAIT_ACKNOWLEDGED && opens && !classifier.asks(text);
    }

    /** Whether these words stop on one of {@link #MID_PHRASE}: the word that makes the question is still to come. */
    static boolean endsMidPhrase(List<String> words) {
        return WAIT_MID_PHRASE && !words.isEmpty() && MID_PHRASE.contains(words.get(words.size() - 1));
    }

    /**
     * "Ask now": the user says the interviewer's current words (the open partial, else the last
     * final line) are a question. It gets the next id like any decision; while the utterance is
     * still open it counts as that utterance's decision, so the final refines it only when clearly
     * stronger instead of adding a second card.
     *
     * @param atMs the channel's current audio position
     * @return empty when nothing has been heard yet
     */
    public Optional<DetectedQuestion> ask(long atMs) {
        TranscriptEvent heard = openPartial != null ? openPartial : lastFinal;
        if (heard == null || heard.text().isBlank()) {
            return Optional.empty();
        }
        Classification c = classifier.classifyAsQuestion(heard.text());
        DetectedQuestion q = new DetectedQuestion(nextId++, heard.channel(), c, Math.max(atMs, heard.atMs()),
                heard.endMs(), openPartial != null, false, DecisionReason.ASKED,
                openPartial != null ? spokenFrom(openPartial) : heard.startMs());
        if (openPartial != null) {
            decided = q;
        }
        return Optional.of(q);
    }

    /**
     * The question decided while it was being asked, now with all its words and their end (same
     * id, category and template: the card does not change): first when the interviewer pauses
     * after it, again at the utterance's final result if that reads differently; empty otherwise,
     * and when the final replaced the card itself. The store, the card and the LLM draft want the
     * question as it was asked, not the words heard when it was decided.
     */
    public Optional<DetectedQuestion> takeHeardInFull() {
        Optional<DetectedQuestion> q = Optional.ofNullable(heardInFull);
        heardInFull = null;
        return q;
    }

    private static DetectedQuestion inFull(DetectedQuestion q, TranscriptEvent heard) {
        if (heard.text().isBlank()) {
            return q; // nothing more was heard (a flush): the words it was decided on are all there is
        }
        Classification c = q.classification();
        Classification whole = new Classification(heard.text(), c.isQuestion(), c.category(), c.template(),
                c.confidence(), c.score());
        // only a final result has word times; a partial's start is no better than the decision's
        long start = !heard.isFinal() ? q.startMs()
                : q.startMs() >= 0 ? Math.min(q.startMs(), heard.startMs()) : heard.startMs();
        return new DetectedQuestion(q.id(), q.channel(), whole, q.atMs(), Math.max(q.speechEndMs(), heard.endMs()),
                q.early(), q.refined(), q.reason(), start);
    }


    /**
     * Where a question decided on a partial began: where speech began after the last final (partials
     * carry no word times), else the partial's own estimate. The final's words are not awaited, so
     * the stored question is written once.
     */
    private long spokenFrom(TranscriptEvent partial) {
        return speechStartMs >= 0 ? Math.min(speechStartMs, partial.endMs()) : partial.startMs();
    }

    /**
     * A card is only replaced by clearly stronger evidence: another category needs a clearly higher
     * confidence, another template of the same category a clearly better match at no lower
     * confidence. A later, weaker reading never replaces a stronger card.
     */
    static boolean stronger(Classification now, Classification shown) {
        if (now.category() != shown.category()) {
            return now.confidence() >= shown.confidence() + REFINE_CATEGORY_GAIN;
        }
        return now.score() >= shown.score() + REFINE_GAIN && now.confidence() >= shown.confidence() - 0.05;
    }

    /**
     * A card decided on part of its question took its template from the words heard so far: on its
     * topic alone ({@link DecisionReason#STABLE_CATEGORY}: "tell me about a time you disagreed with" →
     * disagreeing with a decision), or on the first words ("what does a python" → `is` vs `==`). A
     * later reading of more of the question, on the same topic, that ranks another template first
     * (at a match an early card would need) has weighed both on the same words: the evidence grew,
     * so it needs no {@link #REFINE_GAIN} margin (scores of different texts do not compare). On three
     * recorded panels this changed 4 of 408 cards, 3 to the right template (BENCHMARKS.md).
     */
    static boolean sharperTemplate(Classification now, DetectedQuestion shown) {
        Classification was = shown.classification();
        boolean onPart = shown.reason() == DecisionReason.STABLE_CATEGORY
                || shown.early() && now.score() >= EARLY_TEMPLATE_SCORE;
        return onPart && now.category() == was.category() && now.template().isPresent()
                && now.text().length() > was.text().length()
                && now.confidence() >= was.confidence() - REFINE_CATEGORY_GAIN;
    }

    /** Ablation switch for {@link #wholeQuestionElsewhere}. */
    static final boolean WHOLE_QUESTION = Boolean.parseBoolean(System.getProperty("cuecard.tracker.wholeQuestion", "true"));

    /**
     * A card decided on the first words of its question that the whole question reads as another topic at about
     * the same confidence: "how do you decide when a team" → prioritising (behavioural, 0.77), then "… should stop
     * shipping features and focus on stability" → error budgets (reliability, 0.74). With half again as many words
     * the evidence grew, so the whole question needs no {@link #REFINE_CATEGORY_GAIN} margin; a reading of about
     * the words it was decided on still does, so a later, weaker match never replaces a stronger card. On two
     * fresh panels' early cards (502) the whole question read another topic this way 4 times, each the right one.
     */
    static boolean wholeQuestionElsewhere(Classification now, DetectedQuestion shown) {
        Classification was = shown.classification();
        int wordsNow = TextNormalizer.words(TextNormalizer.normalize(now.text())).size();
        int wordsThen = TextNormalizer.words(TextNormalizer.normalize(was.text())).size();
        return WHOLE_QUESTION && shown.early() && now.category() != was.category() && 2 * wordsNow >= 3 * wordsThen
                && now.confidence() >= was.confidence() - REFINE_CATEGORY_GAIN;
    }

    private Optional<DetectedQuestion> onFinal(TranscriptEvent e, Classification c) {
        if (decided == null) {
            return c.isQuestion() && (c.confidence() >= FINAL_UNCUED_CONFIDENCE || classifier.asks(c.text()))
                    ? Optional.of(new DetectedQuestion(nextId++, e.channel(), c, e.atMs(), e.endMs(), false, false,
                            DecisionReason.FINAL, e.startMs()))
                    : Optional.empty();
        }
        if (c.isQuestion() && !Objects.equals(c.templateId(), decided.classification().templateId())
                && (!STRONGER_ONLY || stronger(c, decided.classification()) || sharperTemplate(c, decided))) {
            return Optional.of(new DetectedQuestion(decided.id(), e.channel(), c, e.atMs(), e.endMs(), false, true,
                    DecisionReason.STRONGER_FINAL, e.startMs()));
        }
        if (c.isQuestion() && wholeQuestionElsewhere(c, decided)) {
            return Optional.of(new DetectedQuestion(decided.id(), e.channel(), c, e.atMs(), e.endMs(), false, true,
                    DecisionReason.WHOLE_QUESTION, e.startMs()));
        }
        return Optional.empty();
    }
}
