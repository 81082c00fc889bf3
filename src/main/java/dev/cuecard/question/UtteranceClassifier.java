package dev.cuecard.question;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Detector + topic classifier: the one call the pipeline, the CLI and practice make. Pure and
 * thread-safe after construction; a few milliseconds per utterance.
 */
public final class UtteranceClassifier {
    /** Logistic calibration of confidence from the best score and the margin to the next category. */
    static final double CAL_BIAS = -3.0;
    static final double CAL_SCORE = 6.0;
    static final double CAL_MARGIN = 5.0;

    private final TopicClassifier topics;
    private final QuestionDetector detector;
    private final TemplateLibrary library;

    public UtteranceClassifier(TemplateLibrary library, AsrVocabulary vocabulary, QuestionDetector detector) {
        this.library = library;
        this.topics = new TopicClassifier(library, vocabulary);
        this.detector = detector;
    }

    /** The shipped templates and vocabulary. */
    public static UtteranceClassifier shipped() {
        return new UtteranceClassifier(TemplateLibrary.shipped(), AsrVocabulary.shipped(), new QuestionDetector());
    }

    public TemplateLibrary library() {
        return library;
    }

    public Classification classify(String text) {
        return classify(text, false);
    }

    /**
     * For a text the user says is a question ("ask now", the hint command): skips the detector and
     * returns the best template however weak, with its honest confidence.
     */
    public Classification classifyAsQuestion(String text) {
        return classify(text, true);
    }

    private Classification classify(String text, boolean forced) {
        String normalized = TextNormalizer.normalize(text);
        List<TopicMatch> ranked = topics.rank(normalized);
        double best = ranked.isEmpty() ? 0 : ranked.get(0).score();
        QuestionDetector.Cues cues = detector.cues(normalized);
        if (ranked.isEmpty() || (!forced && !detector.isQuestion(cues, best))) {
            double notQuestion = cues.smallTalk() || !cues.cue() ? 0.9 : 0.6;
            return new Classification(text, false, Category.NONE, java.util.Optional.empty(),
                    Math.max(0.5, notQuestion - best / 2), best);
        }
        Map<Category, Double> byCategory = new EnumMap<>(Category.class);
        for (TopicMatch m : ranked) {
            byCategory.merge(m.template().category(), m.score(), Math::max);
        }
        Template top = ranked.get(0).template();
        double second = byCategory.entrySet().stream().filter(e -> e.getKey() != top.category())
                .mapToDouble(Map.Entry::getValue).max().orElse(0);
        double margin = best - second;
        double confidence = 1 / (1 + Math.exp(-(CAL_BIAS + CAL_SCORE * best + CAL_MARGIN * margin)));
        return new Classification(text, true, top.category(), java.util.Optional.of(top), confidence, best);
    }
}
