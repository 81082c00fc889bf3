package dev.cuecard.question;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks templates for an utterance: nearest trigger phrasing by TF-IDF cosine over stemmed words
 * and over character 4-grams, plus a bonus for the template's keywords. Built once from the
 * library; {@link #rank} is pure and thread-safe.
 */
public final class TopicClassifier {
    /** Weight of the word view against the character view. */
    static final double WORD_WEIGHT = 0.5;
    /** Bonus per distinct keyword found, up to {@link #MAX_KEYWORD_HITS}. */
    static final double KEYWORD_BONUS = 0.12;
    static final int MAX_KEYWORD_HITS = 2;

    /** One indexed phrasing of a template. */
    private record Doc(Template template, SparseVector words, SparseVector chars) {
    }

    private final List<Doc> docs = new ArrayList<>();
    private final Map<String, Double> wordIdf;
    private final Map<String, Double> charIdf;
    private final double wordDefaultIdf;
    private final double charDefaultIdf;
    private final Map<Template, List<String>> keywordTerms = new HashMap<>();
    private final AsrVocabulary vocabulary;

    public TopicClassifier(TemplateLibrary library, AsrVocabulary vocabulary) {
        this(library, vocabulary, Map.of());
    }

    /**
     * @param extraPhrasings more labelled phrasings per template id (the shipped examples), indexed
     *                       like triggers
     */
    TopicClassifier(TemplateLibrary library, AsrVocabulary vocabulary, Map<String, List<String>> extraPhrasings) {
        this.vocabulary = vocabulary;
        List<Template> owners = new ArrayList<>();
        List<List<String>> termDocs = new ArrayList<>();
        for (Template t : library.all()) {
            List<String> phrasings = new ArrayList<>(t.triggers());
            phrasings.addAll(extraPhrasings.getOrDefault(t.id(), List.of()));
            List<String> all = new ArrayList<>();
            for (String trigger : phrasings) {
                owners.add(t);
                List<String> terms = topicTermsOf(vocabulary, trigger);
                termDocs.add(terms);
                all.addAll(terms);
            }
            // the template as a whole: every phrasing together, so evidence spread over several
            // of them still adds up (what a BM25 baseline does well)
            owners.add(t);
            termDocs.add(all);
            List<String> titleAndKeywords = new ArrayList<>(TextNormalizer.terms(TextNormalizer.normalize(t.title())));
            List<String> kws = new ArrayList<>();
            for (String k : t.keywords()) {
                List<String> kt = TextNormalizer.terms(TextNormalizer.normalize(k));
                titleAndKeywords.addAll(kt);
                if (!kt.isEmpty()) {
                    kws.add(" " + String.join(" ", kt) + " ");
                }
            }
            keywordTerms.put(t, kws);
            owners.add(t);
            termDocs.add(titleAndKeywords);
        }
        Map<String, Integer> wordDf = new HashMap<>();
        Map<String, Integer> charDf = new HashMap<>();
        List<Map<String, Integer>> wordCounts = new ArrayList<>();
        List<Map<String, Integer>> charCounts = new ArrayList<>();
        for (List<String> terms : termDocs) {
            Map<String, Integer> w = Features.words(terms);
            Map<String, Integer> c = Features.chars(terms);
            wordCounts.add(w);
            charCounts.add(c);
            w.keySet().forEach(k -> wordDf.merge(k, 1, Integer::sum));
            c.keySet().forEach(k -> charDf.merge(k, 1, Integer::sum));
        }
        int n = termDocs.size();
        this.wordIdf = idf(wordDf, n);
        this.charIdf = idf(charDf, n);
        this.wordDefaultIdf = Math.log(n + 1.0) + 1;
        this.charDefaultIdf = Math.log(n + 1.0) + 1;
        for (int i = 0; i < n; i++) {
            docs.add(new Doc(owners.get(i), SparseVector.of(wordCounts.get(i), wordIdf, wordDefaultIdf),
                    SparseVector.of(charCounts.get(i), charIdf, charDefaultIdf)));
        }
    }

    private static Map<String, Double> idf(Map<String, Integer> df, int n) {
        Map<String, Double> idf = new HashMap<>();
        df.forEach((k, v) -> idf.put(k, Math.log((n + 1.0) / (v + 1.0)) + 1));
        return idf;
    }

    /** Topic terms of a text as {@link #topicTerms} gives them, for a classifier with this vocabulary. */
    static List<String> topicTermsOf(AsrVocabulary vocabulary, String text) {
        return TextNormalizer.terms(vocabulary.apply(TextNormalizer.normalize(text)));
    }

    /** Topic terms of recogniser or typed text, with misheard technical terms added back. */
    public List<String> topicTerms(String text) {
        return topicTermsOf(vocabulary, text);
    }

    /** All templates with a positive score, best first. */
    public List<TopicMatch> rank(String text) {
        return rank(text, null);
    }

    /** As {@link #rank(String)}, only templates of {@code category} (all when null): ~10x less work. */
    public List<TopicMatch> rank(String text, Category category) {
        List<String> terms = topicTerms(text);
        if (terms.isEmpty()) {
            return List.of();
        }
        SparseVector w = SparseVector.of(Features.words(terms), wordIdf, wordDefaultIdf);
        SparseVector c = SparseVector.of(Features.chars(terms), charIdf, charDefaultIdf);
        String joined = " " + String.join(" ", terms) + " ";
        Map<Template, Double> best = new HashMap<>();
        for (Doc d : docs) {
            if (category != null && d.template().category() != category) {
                continue;
            }
            double s = WORD_WEIGHT * w.cosine(d.words()) + (1 - WORD_WEIGHT) * c.cosine(d.chars());
            best.merge(d.template(), s, Math::max);
        }
        List<TopicMatch> out = new ArrayList<>();
        for (Map.Entry<Template, Double> e : best.entrySet()) {
            int hits = 0;
            for (String k : keywordTerms.getOrDefault(e.getKey(), List.of())) {
                if (joined.contains(k)) {
                    hits++;
                }
            }
            double score = e.getValue() + KEYWORD_BONUS * Math.min(hits, MAX_KEYWORD_HITS);
            if (score > 0) {
                out.add(new TopicMatch(e.getKey(), score));
            }
        }
        out.sort(Comparator.comparingDouble(TopicMatch::score).reversed()
                .thenComparing(m -> m.template().id()));
        return out;
    }
}
