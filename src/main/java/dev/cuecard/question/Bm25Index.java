package dev.cuecard.question;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BM25 over templates, each template's title, keywords and phrasings as one document. Alone it is
 * the keyword baseline of bench-classify; inside the classifier it helps rank templates, where
 * evidence spread over several phrasings should add up.
 */
final class Bm25Index {
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

    Bm25Index(TemplateLibrary library) {
        this(library, Map.of(), null);
    }

    /** With extra phrasings per template id, and misheard terms added back when a vocabulary is given. */
    Bm25Index(TemplateLibrary library, Map<String, List<String>> extra, AsrVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        long total = 0;
        for (Template t : library.all()) {
            StringBuilder text = new StringBuilder(t.title());
            t.keywords().forEach(k -> text.append(' ').append(k));
            t.triggers().forEach(k -> text.append(' ').append(k));
            extra.getOrDefault(t.id(), List.of()).forEach(k -> text.append(' ').append(k));
            List<String> terms = terms(text.toString());
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

    private final AsrVocabulary vocabulary;

    private List<String> terms(String text) {
        String n = TextNormalizer.normalize(text);
        return TextNormalizer.terms(vocabulary == null ? n : vocabulary.applyToNormalized(n));
    }

    /** Score per template index order of {@link #templates()}. */
    double[] scores(String text) {
        List<String> q = terms(text);
        int n = docs.size();
        double[] out = new double[n];
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
            out[i] = s;
        }
        return out;
    }

    List<Template> templates() {
        return templates;
    }

    /** The best-scoring template (null template when nothing matches). */
    Match best(String text) {
        double[] s = scores(text);
        Match best = new Match(null, 0);
        for (int i = 0; i < s.length; i++) {
            if (s[i] > best.score()) {
                best = new Match(templates.get(i), s[i]);
            }
        }
        return best;
    }
}
