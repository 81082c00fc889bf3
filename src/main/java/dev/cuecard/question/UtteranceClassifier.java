package dev.cuecard.question;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Question detection + category + template: the one call the pipeline, the CLI and practice make.
 * A logistic-regression category model (incl. NONE) decides whether and what kind of question it
 * is; the nearest template phrasing within that category picks the card. Pure and thread-safe
 * after construction.
 */
public final class UtteranceClassifier {
    private static final Logger LOG = LoggerFactory.getLogger(UtteranceClassifier.class);
    /** Below this template similarity the category is kept but no template card is claimed. */
    static final double MIN_TEMPLATE_SCORE = 0.12;
    /** Small-talk examples count this many times (chosen by cross-validation on the dev split). */
    static final int NONE_WEIGHT = 5;
    /**
     * NONE wins when its probability reaches this share of the best topic's: a wrongly shown card
     * distracts more than a missed one, which "ask now" recovers (chosen by cross-validation).
     */
    static final double NONE_THRESHOLD = Double.parseDouble(System.getProperty("cuecard.noneThreshold", "0.6"));

    /** Everything a classifier reads, built once (at once, or in the background: {@link #building}). */
    private record Parts(TemplateLibrary library, QuestionDetector detector, TechnicalTerms terms,
                         PhoneticMatcher phonetic, TopicClassifier topics, Bm25Index bm25, CategoryModel model,
                         ModelOrigin origin) {
    }

    /** Where the category model came from. */
    enum ModelOrigin {
        /** Built with the app ({@link PrecomputeShipped}): the shipped templates, examples and vocabulary. */
        BUILT_IN,
        /** Trained at an earlier start for these templates and kept in the cache folder. */
        CACHED,
        /** Trained when this classifier was built. */
        TRAINED
    }

    /** Done at once unless built in the background; every reading waits for it. */
    private final CompletableFuture<Parts> parts;
    /** Null until {@link #withSemantics} (or when the embedding model is unavailable): lexical only. */
    private final SemanticMatcher semantic;
    /**
     * The keyword spotter's terms are one more reading of a final, not words added to every reading: they
     * decide only when the readings with them are clearly more confident than the heard words alone. A
     * grammar of technical phrases also "hears" them in ordinary words ("payload contain" → container,
     * "urgent" → origin), and added to a hesitant reading such a term tips it to another topic.
     * {@code -Dcuecard.spotter.asReading=false}: the terms join every reading (as before).
     */
    static final boolean SPOTTED_AS_READING = Boolean.parseBoolean(
            System.getProperty("cuecard.spotter.asReading", "true"));
    /** How much surer the readings with spotted terms must be (0.05 and 0.15 re-read alike: BENCHMARKS.md). */
    static final double SPOTTED_MARGIN = 0.1;
    /** Weight of the BM25 evidence (scaled to the best template's) in picking a template; by dev cross-validation. */
    static final double BM25_WEIGHT = 0.5;
    /** The reading a two-word directive needs to be a question (a misheard pair reads weakly). */
    static final double SHORT_DIRECTIVE_CONFIDENCE = 0.8;

    /**
     * The classifier of {@code library}: its category model is the one built with the app when the
     * library, vocabulary and detector are the shipped ones, otherwise trained here (a few seconds).
     */
    public UtteranceClassifier(TemplateLibrary library, AsrVocabulary vocabulary, QuestionDetector detector) {
        this(library, vocabulary, detector, ExampleSet.shipped());
    }

    private UtteranceClassifier(CompletableFuture<Parts> parts, SemanticMatcher semantic) {
        this.parts = parts;
        this.semantic = semantic;
    }

    UtteranceClassifier(TemplateLibrary library, AsrVocabulary vocabulary, QuestionDetector detector,
                        List<ExampleSet.Labelled> examples) {
        this(CompletableFuture.completedFuture(parts(library, vocabulary, detector, () -> examples, false,
                Optional.empty())), null);
    }

    /**
     * A classifier whose templates, vocabulary and model load on {@code executor} while the caller
     * goes on (the desktop app shows its window meanwhile). Every reading, {@link #library()} and
     * {@link #withSemantics} wait until it is ready and rethrow what made the build fail.
     *
     * @param modelCache a folder where a model trained for the user's own templates is kept, so it
     *                   is trained once rather than at every start
     */
    public static UtteranceClassifier building(Supplier<TemplateLibrary> library, Optional<Path> modelCache,
                                               Executor executor) {
        return new UtteranceClassifier(CompletableFuture.supplyAsync(() -> parts(library.get(),
                AsrVocabulary.shipped(), new QuestionDetector(), ExampleSet::shipped, true, modelCache), executor), null);
    }

    /** As the public constructor, keeping a model trained for the user's templates in {@code modelCache}. */
    public static UtteranceClassifier of(TemplateLibrary library, Optional<Path> modelCache) {
        return new UtteranceClassifier(CompletableFuture.completedFuture(parts(library, AsrVocabulary.shipped(),
                new QuestionDetector(), ExampleSet::shipped, true, modelCache)), null);
    }

    /** Completes with this classifier once it can classify (at once unless {@link #building}). */
    public CompletableFuture<UtteranceClassifier> ready() {
        return parts.thenApply(p -> this);
    }

    private Parts parts() {
        try {
            return parts.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * @param examples read only when something must be hashed, indexed or trained here
     * @param shippedInputs the shipped vocabulary, detector and examples: with the shipped templates,
     *                      the build's hash of them is taken when the files are the build's own
     */
    private static Parts parts(TemplateLibrary library, AsrVocabulary vocabulary, QuestionDetector detector,
                               Supplier<List<ExampleSet.Labelled>> examples, boolean shippedInputs,
                               Optional<Path> modelCache) {
        TechnicalTerms terms = new TechnicalTerms(library, vocabulary);
        PhoneticMatcher phonetic = phoneticMatcher(terms);
        Optional<byte[]> stored = shippedInputs && phonetic != null && library == TemplateLibrary.shipped()
                ? TrainingInputs.storedShippedHash() : Optional.empty();
        byte[] hash = stored.orElseGet(() -> TrainingInputs.hash(library, vocabulary, detector, examples.get(),
                phonetic != null));
        // the shipped index is read (built with the app); other templates are indexed here (~0.2 s)
        TopicClassifier topics = TopicClassifier.shipped(hash, library, vocabulary)
                .orElseGet(() -> new TopicClassifier(library, vocabulary, phrasings(library, examples.get())));
        Bm25Index bm25 = Bm25Index.shipped(hash, library, vocabulary)
                .orElseGet(() -> new Bm25Index(library, phrasings(library, examples.get()), vocabulary));
        ModelOrigin origin = ModelOrigin.BUILT_IN;
        Optional<CategoryModel> kept = CategoryModel.shipped(hash);
        if (kept.isEmpty() && modelCache.isPresent()) {
            kept = CategoryModel.cached(modelCache.get(), hash);
            origin = ModelOrigin.CACHED;
        }
        CategoryModel model;
        if (kept.isPresent()) {
            model = kept.get();
        } else {
            long start = System.nanoTime();
            model = train(library, vocabulary, detector, examples.get(), phonetic);
            LOG.info("category model trained in {} ms ({} features)", (System.nanoTime() - start) / 1_000_000,
                    model.features());
            CategoryModel trained = model;
            modelCache.ifPresent(dir -> CategoryModel.keep(dir, trained, hash));
            origin = ModelOrigin.TRAINED;
        }
        return new Parts(library, detector, terms, phonetic, topics, bm25, model, origin);
    }

    /** The examples' texts by the id of their template, for templates of {@code library}. */
    static Map<String, List<String>> phrasings(TemplateLibrary library, List<ExampleSet.Labelled> examples) {
        Map<String, List<String>> phrasings = new HashMap<>();
        for (ExampleSet.Labelled e : examples) {
            if (e.templateId() != null && library.get(e.templateId()).isPresent()) {
                phrasings.computeIfAbsent(e.templateId(), k -> new ArrayList<>()).add(e.text());
            }
        }
        return phrasings;
    }

    /** The phonetic matcher of these terms, or null when turned off ({@code -Dcuecard.phonetic=false}). */
    static PhoneticMatcher phoneticMatcher(TechnicalTerms terms) {
        // the list, not the set: the order of terms that sound alike must not vary between runs
        return Boolean.parseBoolean(System.getProperty("cuecard.phonetic", "true"))
                ? new PhoneticMatcher(terms.termList()) : null;
    }

    /** Trains the category model from scratch (the build step; any other templates or examples at run time). */
    static CategoryModel train(TemplateLibrary library, AsrVocabulary vocabulary, QuestionDetector detector,
                               List<ExampleSet.Labelled> examples, PhoneticMatcher phonetic) {
        return CategoryModel.train(trainingExamples(library, examples,
                text -> features(text, phonetic, vocabulary, detector)));
    }

    /** What the category model learns from: every template's phrasings and keywords, and the labelled examples. */
    static List<CategoryModel.Example> trainingExamples(TemplateLibrary library, List<ExampleSet.Labelled> examples,
                                                        Function<String, Map<String, Double>> features) {
        List<CategoryModel.Example> training = new ArrayList<>();
        for (Template t : library.all()) {
            for (String trigger : t.triggers()) {
                training.add(new CategoryModel.Example(features.apply(trigger), t.category()));
            }
            String keywords = t.title() + " " + String.join(" ", t.keywords());
            training.add(new CategoryModel.Example(features.apply(keywords), t.category()));
        }
        for (ExampleSet.Labelled e : examples) {
            CategoryModel.Example ex = new CategoryModel.Example(features.apply(e.text()), e.category());
            // templates give every topic many phrasings but small talk has only these examples
            int copies = e.category() == Category.NONE ? NONE_WEIGHT : 1;
            for (int i = 0; i < copies; i++) {
                training.add(ex);
            }
        }
        return training;
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
        return parts().library();
    }

    /** This classifier with the meaning of utterances mixed in where a decision is taken ({@link #confirm}). */
    public UtteranceClassifier withSemantics(SemanticMatcher matcher) {
        parts();
        return new UtteranceClassifier(parts, matcher);
    }

    /** The lexical model alone (for comparisons and for what runs on every partial). */
    public UtteranceClassifier lexicalOnly() {
        return semantic == null ? this : new UtteranceClassifier(parts, null);
    }

    /** Where its category model came from (waits until built). */
    ModelOrigin modelOrigin() {
        return parts().origin();
    }

    public boolean hasSemantics() {
        return semantic != null;
    }

    /** The domain vocabulary this classifier knows (for the recogniser's keyword spotter). */
    public TechnicalTerms technicalTerms() {
        return parts().terms();
    }

    /**
     * What the model reads: the heard words, plus terms the keyword spotter heard and terms that
     * sound like a run of heard words (the heard words stay: they may be right).
     */
    String heard(String text, List<String> spotted) {
        return heard(text, spotted, parts().phonetic());
    }

    private static String heard(String text, List<String> spotted, PhoneticMatcher phonetic) {
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

    /** What the model reads of a training text: as {@link #classify(String, List, boolean, boolean)} reads an utterance. */
    private static Map<String, Double> features(String text, PhoneticMatcher phonetic, AsrVocabulary vocabulary,
                                                QuestionDetector detector) {
        String normalized = heard(text, List.of(), phonetic);
        QuestionDetector.Cues cues = detector.cues(normalized);
        return UtteranceFeatures.of(TopicClassifier.topicTermsOf(vocabulary, normalized), normalized, cues,
                cues.opening());
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
     * The full reading of a final result together with the recogniser's other readings of the same
     * audio (its n-best list): the most confident reading (the first on a tie). A word the small
     * model mishears ("how would you can search results") is often heard right in a close second
     * reading, and the reading that names a topic reads with more confidence than the garbled one.
     * Measured over 516 held-out questions in four voices and conditions, five readings: 86.0 → 89.1 %
     * right; a confidence-weighted vote was within a point of it (BENCHMARKS.md).
     */
    public Classification confirm(String text, List<String> alternatives, List<String> spotted) {
        Classification withSpotted = mostConfident(text, alternatives, spotted);
        if (spotted.isEmpty() || !SPOTTED_AS_READING) {
            return withSpotted;
        }
        Classification heard = mostConfident(text, alternatives, List.of());
        return withSpotted.confidence() > heard.confidence() + SPOTTED_MARGIN ? withSpotted : heard;
    }

    /**
     * Whether these words ask anything (a question cue, a question word anywhere, a directive): a line that does not
     * — "our postmortems are blameless and we publish them", "okay so your plan is canary first" — is a question only
     * when the model is surer of it.
     */
    public boolean asks(String text) {
        return AnswerReaction.asks(TextNormalizer.normalize(text), parts().detector());
    }

    /** The most likely category but none. */
    private static Category topTopic(double[] p) {
        Category top = Category.BEHAVIORAL;
        for (Category c : Category.values()) {
            if (c != Category.NONE && p[c.ordinal()] > p[top.ordinal()]) {
                top = c;
            }
        }
        return top;
    }

    private Classification mostConfident(String text, List<String> alternatives, List<String> spotted) {
        Classification best = confirm(text, spotted);
        for (String a : alternatives) {
            Classification c = confirm(a, spotted);
            if (c.confidence() > best.confidence()) {
                best = c;
            }
        }
        return best;
    }

    /**
     * For a text the user says is a question ("ask now", the hint command): the best topic
     * category even where NONE would win, with its honest (possibly low) confidence.
     */
    public Classification classifyAsQuestion(String text) {
        return classify(text, List.of(), true, true);
    }

    private Classification classify(String text, List<String> spotted, boolean forced, boolean full) {
        Parts parts = parts();
        TopicClassifier topics = parts.topics();
        Bm25Index bm25 = parts.bm25();
        // a reaction is read on the words as spoken (no spotted terms after its closing "got it"); a question
        // after an acknowledgement or a lead-in ("let's start easy") is read without it
        String plain = TextNormalizer.normalize(text);
        QuestionCues phrases = parts.detector().phrases();
        boolean reaction = !forced && AnswerReaction.in(plain, phrases);
        String asked = LeadIn.stripped(AnswerReaction.afterAcknowledgement(plain, phrases), phrases);
        String normalized = heard(asked, spotted, parts.phonetic());
        QuestionDetector.Cues cues = parts.detector().cues(normalized);
        double[] p = parts.model().probabilities(
                UtteranceFeatures.of(topics.topicTerms(normalized), normalized, cues, cues.opening()));
        SemanticMatcher.Reading reading = null;
        if (full && semantic != null && !normalized.isEmpty()) {
            reading = semantic.read(normalized);
            p = semantic.mix(p, reading);
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
        if (ExperiencePrompt.in(normalized)) {
            // the taxonomy's tie-break: the candidate's own experience is behavioral whatever its subject
            // (with the confidence the model gave its best topic: the rule is as sure as the words are)
            best = Category.BEHAVIORAL;
            bestP = 0;
            for (Category c : Category.values()) {
                bestP = c == Category.NONE ? bestP : Math.max(bestP, p[c.ordinal()]);
            }
        } else if (!forced && p[Category.NONE.ordinal()] >= NONE_THRESHOLD * bestP) {
            best = Category.NONE;
            bestP = p[Category.NONE.ordinal()];
            if (CareerMove.in(normalized) && topTopic(p) == Category.BEHAVIORAL) {
                // read as small talk, but it asks why the candidate made a move: their own past (a technical reading
                // above stands — "you switched to websockets, why?" asks about a design)
                best = Category.BEHAVIORAL;
                bestP = p[Category.BEHAVIORAL.ordinal()] / (1 - p[Category.NONE.ordinal()]);
            }
        }
        if (best != Category.NONE && reaction) {
            // a reaction to the answer, not a question: as sure as the model is of the topic it names
            best = Category.NONE;
        }
        // two words are a question only as a directive the model reads surely ("design uber" 0.98)
        boolean tooShort = cues.words() < QuestionDetector.MIN_WORDS
                && !(QuestionDetector.shortDirective(cues) && bestP >= SHORT_DIRECTIVE_CONFIDENCE);
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
