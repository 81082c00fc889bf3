package dev.cuecard.question;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two views of a text: stemmed words and word pairs (precise), and character 4-grams of the topic
 * words (tolerant of misheard or split words: "micro services" still shares most grams with
 * "microservices").
 */
final class Features {
    private Features() {
    }

    static Map<String, Integer> words(List<String> terms) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            counts.merge(terms.get(i), 1, Integer::sum);
            if (i > 0) {
                counts.merge(terms.get(i - 1) + "_" + terms.get(i), 1, Integer::sum);
            }
        }
        return counts;
    }

    static Map<String, Integer> chars(List<String> terms) {
        Map<String, Integer> counts = new HashMap<>();
        String joined = " " + String.join(" ", terms) + " ";
        for (int i = 0; i + 4 <= joined.length(); i++) {
            counts.merge(joined.substring(i, i + 4), 1, Integer::sum);
        }
        return counts;
    }
}
