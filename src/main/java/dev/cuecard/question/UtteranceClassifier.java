package dev.cuecard.question;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Question detection + category + template: the one call the pipeline, the CLI and practice make.
 * A logistic-regression category model (incl. NONE) decides whether and what kind of question it
 * is; the nearest template phrasing within that category picks the card. Pure and thread-safe
 * after construction.
 */
public final class UtteranceClassifier {
    /** Below this template similarity the category is kept but no template card is claimed. */
    static final double MIN_TEMPLATE_SCORE = 0.12;
    /** Small-talk examples count this many times (chosen by cross-validation on the dev split). */
    static final int NONE_WEIGHT = 5;
    /**
     * NONE wins when its probability reaches this share of the best topic's: a wrongly shown card
     * distracts more than a missed one, which "ask now" recovers (chosen by cross-validation).
     */
    static final double NONE_THRESHOLD = 0.6;

    private final TopicClassifier topics;
    private final QuestionDetector detector;
    private final TemplateLibrary library;
    private final CategoryModel model;
    private final Bm25Index bm25;
    private final TechnicalTerms terms;
    /** Null when turned off ({@code -Dcuecard.phonetic=false}, for comparisons). */
    private final PhoneticMatcher phonetic;
    /** Null until {@link #withSemantics} (or when the embedding model is unavailable): lexical only. */
    private final SemanticMatcher semantic;
    /** Weight of the BM25 evidence (scaled to the best template's) in picking a template; by dev cross-validation. */
    static final double BM25_WEIGHT = 0.5;

    public UtteranceClassifier(TemplateLibrary library, AsrVocabulary vocabulary, QuestionDetector detector) {
        this(library, vocabulary, detector, ExampleSet.shipped());
    }

    private UtteranceClassifier(UtteranceClassifier lexical, SemanticMatcher semantic) {
        this.library = lexical.library;
        this.terms = lexical.terms;
        this.phonetic = lexical.phonetic;
        this.topics = lexical.topics;
        this.detector = lexical.detector;
        this.model = lexical.model;
        this.bm25 = lexical.bm25;
        this.semantic = semantic;
    }

    UtteranceClassifier(TemplateLibrary library, AsrVocabulary vocabulary, QuestionDetector detector,
                        List<ExampleSet.Labelled> examples) {
        this.semantic = null;
        this.library = library;
        this.terms = new TechnicalTerms(library, vocabulary);
        this.phonetic = Boolean.parseBoolean(System.getProperty("cuecard.phonetic", "true"))
                ? new PhoneticMatcher(terms.terms()) : null;
        java.util.Map<String, List<String>> phrasings = new java.util.HashMap<>();
        for (ExampleSet.Labelled e : examples) {
            if (e.templateId() != null && library.get(e.templateId()).isPresent()) {
                phrasings.computeIfAbsent(e.templateId(), k -> new ArrayList<>()).add(e.text());
            }
        }
        this.topics = new TopicClassifier(library, vocabulary, phrasings);
        this.bm25 = new Bm25Index(library, phrasings, vocabulary);
        this.detector = detector;
        List<CategoryModel.Example> training = new ArrayList<>();
        for (Template t : library.all()) {
            for (String trigger : t.triggers()) {
                training.add(new CategoryModel.Example(features(trigger), t.category()));
            }
            String keywords = t.title() + " " + String.join(" ", t.keywords());
            training.add(new CategoryModel.Example(features(keywords), t.category()));
        }
        for (ExampleSet.Labelled e : examples) {
            CategoryModel.Example ex = new CategoryModel.Example(features(e.text()), e.category());
            // templates give every topic many phrasings but small talk has only these examples
            int copies = e.category() == Category.NONE ? NONE_WEIGHT : 1;
            for (int i = 0; i < copies; i++) {
                training.add(ex);
            }
        }
        this.model = CategoryModel.train(training);
    }

    /** A classifier trained on given examples (text → {category id, template id or "-"}) instead of the shipped ones. */
    static UtteranceClassifier trainedOn(TemplateLibrary library, Map<String, String[]> examples) {
        List<ExampleSet.Labelled> list = new ArrayList<>();
        examples.forEach((text, ct) -> list.add(new ExampleSet.Labelled(Category.fromId(ct[0]).orElseThrow(), text,
                ct.length > 1 && ct[1] != null && !ct[1].equals("-") ? ct[1] : null)));
        return new UtteranceClassifier(library, AsrVocabulary.shipped(), new QuestionDetector(), list);
    }

    /** The shipped templates, vocabulary and examples. */
    public static UtteranceClassifier shipped() {
        return new UtteranceClassifier(TemplateLibrary.shipped(), AsrVocabulary.shipped(), new QuestionDetector());
    }

    public TemplateLibrary library() {
        return library;
    }

    /** This classifier with the meaning of utterances mixed in where a decision is taken ({@link #confirm}). */
    public UtteranceClassifier withSemantics(SemanticMatcher matcher) {
        return new UtteranceClassifier(this, matcher);
    }

    /** The lexical model alone (for comparisons and for what runs on every partial). */
    public UtteranceClassifier lexicalOnly() {
        return semantic == null ? this : new UtteranceClassifier(this, null);
    }

    public boolean hasSemantics() {
        return semantic != null;
    }

    /** The domain vocabulary this classifier knows (for the recogniser's keyword spotter). */
    public TechnicalTerms technicalTerms() {
        return terms;
    }

    /**
     * What the model reads: the heard words, plus terms the keyword spotter heard and terms that
     * sound like a run of heard words (the heard words stay: they may be right).
     */
    String heard(String text, List<String> spotted) {
        StringBuilder b = new StringBuilder(TextNormalizer.normalize(text));
        String padded = " " + b + " ";
        for (String t : spotted) {
            String term = TextNormalizer.normalize(t);
            if (!term.isEmpty() && !padded.contains(" " + term + " ")) {
                b.append(' ').append(term);
            }
        }
        if (phonetic != null) {
            for (String t : phonetic.matches(b.toString())) {
                b.append(' ').append(t);
            }
        }
        return b.toString().strip();
    }

    private Map<String, Double> features(String text) {
        String normalized = heard(text, List.of());
        QuestionDetector.Cues cues = detector.cues(normalized);
        return UtteranceFeatures.of(topics.topicTerms(normalized), normalized, cues, cues.opening());
    }

    /** The full reading (lexical and, when present, semantic): a one-off utterance (CLI, practice). */
    public Classification classify(String text) {
        return classify(text, List.of(), false, true);
    }

    /**
     * The fast lexical reading (well under a millisecond), for every growing partial: with domain
     * terms a keyword spotter heard in the same utterance.
     */
    public Classification classify(String text, List<String> spotted) {
        return classify(text, spotted, false, false);
    }

    /**
     * The full reading where a card is about to be decided or changed: the lexical model mixed with
     * the meaning of the sentence (a few ms more). Same as {@link #classify(String, List)} without
     * semantics.
     */
    public Classification confirm(String text, List<String> spotted) {
        return classify(text, spotted, false, true);
    }

    /**
     * For a text the user says is a question ("ask now", the hint command): the best topic
     * category even where NONE would win, with its honest (possibly low) confidence.
     */
    public Classification classifyAsQuestion(String text) {
        return classify(text, List.of(), true, true);
    }

    private Classification classify(String text, List<String> spotted, boolean forced, boolean full) {
        String normalized = heard(text, spotted);
        QuestionDetector.Cues cues = detector.cues(normalized);
        double[] p = model.probabilities(
                UtteranceFeatures.of(topics.topicTerms(normalized), normalized, cues, cues.opening()));
        SemanticMatcher.Reading reading = null;
        if (full && semantic != null && !normalized.isEmpty()) {
            reading = semantic.read(normalized);
            p = semantic.mix(p, reading.categoryProbabilities());
        }
        Category best = Category.NONE;
        double bestP = -1;
        for (Category c : Category.values()) {
            if ((forced && c == Category.NONE)) {
                continue;
            }
            if (p[c.ordinal()] > bestP) {
                bestP = p[c.ordinal()];
                best = c;
            }
        }
        if (!forced && p[Category.NONE.ordinal()] >= NONE_THRESHOLD * bestP) {
            best = Category.NONE;
            bestP = p[Category.NONE.ordinal()];
        }
        boolean tooShort = cues.words() < QuestionDetector.MIN_WORDS;
        if (best == Category.NONE || (tooShort && !forced)) {
            return new Classification(text, false, Category.NONE, Optional.empty(),
                    best == Category.NONE ? bestP : 1 - bestP, 0);
        }
        final Category category = best;
        double[] b = bm25.scores(normalized);
        double bMax = java.util.Arrays.stream(b).max().orElse(0);
        Map<Template, Double> keyword = new java.util.HashMap<>();
        for (int i = 0; i < b.length; i++) {
            keyword.put(bm25.templates().get(i), bMax > 0 ? b[i] / bMax : 0);
        }
        Map<String, Double> meaning = reading == null ? Map.of() : semantic.templateSimilarity(reading, category);
        double meaningWeight = reading == null ? 0 : semantic.params().templateWeight();
        Optional<TopicMatch> match = topics.rank(normalized, category).stream()
                .max(java.util.Comparator.comparingDouble((TopicMatch m) -> m.score()
                        + BM25_WEIGHT * keyword.getOrDefault(m.template(), 0.0)
                        + meaningWeight * meaning.getOrDefault(m.template().id(), 0.0)));
        double score = match.map(TopicMatch::score).orElse(0.0);
        Optional<Template> template = match.filter(m -> m.score() >= MIN_TEMPLATE_SCORE).map(TopicMatch::template);
        return new Classification(text, true, category, template, bestP, score);
    }
}
