package dev.cuecard.question;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The category model's view of an utterance: topic words and pairs, character 4-grams (robust to
 * mishearings), the first words after any preamble (how the sentence is built), and the
 * detector's cue flags. Scaled to unit length so long and short utterances weigh the same.
 */
final class UtteranceFeatures {
    /** Chosen by 5-fold cross-validation on the dev split (bench-classify). */
    static final double CHAR_WEIGHT = 0.25;
    private UtteranceFeatures() {
    }

    static Map<String, Double> of(List<String> topicTerms, String normalized, QuestionDetector.Cues cues,
                                  List<String> opening) {
        Map<String, Double> f = new HashMap<>();
        Features.words(topicTerms).forEach((k, v) -> f.merge("w:" + k, 1.0, Double::sum));
        Features.chars(topicTerms).forEach((k, v) -> f.merge("c:" + k, CHAR_WEIGHT, Double::sum));
        if (!opening.isEmpty()) {
            f.put("o1:" + opening.get(0), 1.0);
            if (opening.size() > 1) {
                f.put("o2:" + opening.get(0) + "_" + opening.get(1), 1.0);
            }
        }
        if (cues.cue()) {
            f.put("q:cue", 1.0);
        }
        if (cues.smallTalk()) {
            f.put("q:smalltalk", 1.0);
        }
        f.put("q:len" + Math.min(6, cues.words() / 3), 1.0);
        if (topicTerms.isEmpty()) {
            f.put("q:noterms", 1.0);
        }
        double norm = Math.sqrt(f.values().stream().mapToDouble(v -> v * v).sum());
        f.replaceAll((k, v) -> v / norm);
        return f;
    }
}
