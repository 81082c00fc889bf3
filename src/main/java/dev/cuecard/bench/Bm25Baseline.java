package dev.cuecard.bench;

import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.question.TextNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain keyword baseline: each template's title, keywords and triggers as one BM25 document,
 * no misheard-term vocabulary, no character n-grams, no question cues. Question = best score above
 * a threshold chosen on the dev split.
 */
final class Bm25Baseline {
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final List<Template> templates = new ArrayList<>();
    private final List<Map<String, Integer>> docs = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private final Map<String, Integer> df = new HashMap<>();
    private final double avgLength;

    /** The best template and its score. */
    record Match(Template template, double score) {
    }

    Bm25Baseline(TemplateLibrary library) {
        long total = 0;
        for (Template t : library.all()) {
            StringBuilder text = new StringBuilder(t.title());
            t.keywords().forEach(k -> text.append(' ').append(k));
            t.triggers().forEach(k -> text.append(' ').append(k));
            List<String> terms = TextNormalizer.terms(TextNormalizer.normalize(text.toString()));
            Map<String, Integer> tf = new HashMap<>();
            terms.forEach(w -> tf.merge(w, 1, Integer::sum));
            tf.keySet().forEach(w -> df.merge(w, 1, Integer::sum));
            templates.add(t);
            docs.add(tf);
            lengths.add(terms.size());
            total += terms.size();
        }
        avgLength = (double) total / Math.max(1, docs.size());
    }

    Match best(String text) {
        List<String> q = TextNormalizer.terms(TextNormalizer.normalize(text));
        int n = docs.size();
        Match best = new Match(null, 0);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (String w : q) {
                Integer f = docs.get(i).get(w);
                if (f == null) {
                    continue;
                }
                double idf = Math.log(1 + (n - df.get(w) + 0.5) / (df.get(w) + 0.5));
                s += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * lengths.get(i) / avgLength));
            }
            if (s > best.score()) {
                best = new Match(templates.get(i), s);
            }
        }
        return best;
    }
}
