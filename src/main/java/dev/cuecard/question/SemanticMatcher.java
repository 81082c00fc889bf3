package dev.cuecard.question;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The meaning side of question understanding: an utterance's sentence embedding against the
 * build-time vectors of every shipped phrasing. Gives a category distribution (softmax over the
 * mean cosine of each category's nearest phrasings) that survives wording the lexical model never
 * saw, and per-template similarity for picking the card. Thread-safe; one embedding costs a few
 * milliseconds, so the tracker asks for it only when a card is about to be decided.
 */
public final class SemanticMatcher {
    /**
     * How the views are mixed: weight of the nearest phrasings' distribution in the geometric mean,
     * softmax temperature over cosines, how many nearest phrasings a category's score averages,
     * the weight of the nearest phrasing's cosine when picking a template, and the weight of the
     * linear probe's distribution (the lexical model has the rest).
     */
    public record Params(double weight, double temperature, int k, double templateWeight, double probeWeight) {
        /**
         * Chosen by 5-fold cross-validation on the dev split (bench/fusion-tuning.sh; the probe's weight
         * with {@code --probe}): lexical 0.3, nearest phrasing 0.5, probe 0.2.
         */
        public static final Params DEFAULT = new Params(0.5, 0.10, 1, 1.0, 0.2);

        public Params(double weight, double temperature, int k, double templateWeight) {
            this(weight, temperature, k, templateWeight, 0.0);
        }
    }

    private final SentenceEmbedder embedder;
    private final EmbeddingIndex index;
    private final Params params;
    /** Null: the nearest phrasings alone. */
    private final EmbeddingProbe probe;

    SemanticMatcher(SentenceEmbedder embedder, EmbeddingIndex index, Params params) {
        this(embedder, index, params, null);
    }

    SemanticMatcher(SentenceEmbedder embedder, EmbeddingIndex index, Params params, EmbeddingProbe probe) {
        this.embedder = embedder;
        this.index = index;
        this.params = params;
        this.probe = probe;
    }

    /**
     * The shipped model and build-time vectors for {@code library}'s templates; fails with a
     * one-line reason (model missing or corrupt, vectors stale, {@code -Dcuecard.semantic=false}),
     * and callers go on with the lexical classifier and say so.
     *
     * @param cacheDir where the tokenizer's native library is unpacked
     */
    public static SemanticMatcher loadShipped(java.nio.file.Path cacheDir, TemplateLibrary library)
            throws EmbeddingUnavailable {
        return loadShipped(cacheDir, () -> library);
    }

    /**
     * As {@link #loadShipped(java.nio.file.Path, TemplateLibrary)}, asking for the library only
     * after the model and vectors have loaded, so both can load at the same time.
     */
    public static SemanticMatcher loadShipped(java.nio.file.Path cacheDir,
                                              java.util.function.Supplier<TemplateLibrary> library)
            throws EmbeddingUnavailable {
        if (!Boolean.parseBoolean(System.getProperty("cuecard.semantic", "true"))) {
            throw new EmbeddingUnavailable("semantic matching is turned off (-Dcuecard.semantic=false)");
        }
        SentenceEmbedder embedder = shippedEmbedder(cacheDir);
        EmbeddingIndex index = EmbeddingIndex.shipped().restrictedTo(library.get());
        return new SemanticMatcher(embedder, index, Params.DEFAULT, index.probe().orElse(null));
    }

    private static SentenceEmbedder loaded;
    private static EmbeddingUnavailable failed;

    /**
     * The shipped model, one per process (question matching and key-point coverage share it): it is
     * immutable and thread-safe, and loading it takes a second or more.
     */
    public static SentenceEmbedder sharedEmbedder(java.nio.file.Path cacheDir) throws EmbeddingUnavailable {
        return shippedEmbedder(cacheDir);
    }

    private static synchronized SentenceEmbedder shippedEmbedder(java.nio.file.Path cacheDir) throws EmbeddingUnavailable {
        if (loaded == null && failed == null) {
            try {
                loaded = OnnxSentenceEmbedder.load(cacheDir);
            } catch (EmbeddingUnavailable e) {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
        return loaded;
    }

    /**
     * Loads the shipped sentence model now (call on a background thread), so a later
     * {@link #loadShipped} finds it loaded; a failure is reported by that call.
     */
    public static void preloadShipped(java.nio.file.Path cacheDir) {
        if (Boolean.parseBoolean(System.getProperty("cuecard.semantic", "true"))) {
            try {
                shippedEmbedder(cacheDir);
            } catch (EmbeddingUnavailable e) {
                // said by loadShipped, where the caller reports it
            }
        }
    }

    public Params params() {
        return params;
    }

    SemanticMatcher with(Params other) {
        return new SemanticMatcher(embedder, index, other, probe);
    }

    /** The same matcher over an index without some rows (cross-validation leaves a fold's texts out), and no probe. */
    SemanticMatcher without(java.util.Set<Integer> textHashes) {
        return new SemanticMatcher(embedder, index.without(textHashes), params);
    }

    /** The same matcher with a linear probe trained on its index's rows. */
    SemanticMatcher withProbe() {
        return new SemanticMatcher(embedder, index, params, EmbeddingProbe.train(index));
    }

    /** What one utterance means, ready to mix into a classification. */
    public record Reading(double[] categoryProbabilities, float[] vector, double[] probeProbabilities) {
    }

    public Reading read(String normalized) {
        float[] v = embedder.embed(normalized);
        Map<Category, EmbeddingIndex.CategorySimilarity> sims = index.byCategory(v, params.k());
        double[] p = new double[Category.values().length];
        double max = Double.NEGATIVE_INFINITY;
        for (EmbeddingIndex.CategorySimilarity s : sims.values()) {
            max = Math.max(max, s.topMean());
        }
        double sum = 0;
        for (EmbeddingIndex.CategorySimilarity s : sims.values()) {
            double e = Math.exp((s.topMean() - max) / params.temperature());
            p[s.category().ordinal()] = e;
            sum += e;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = sum > 0 ? p[i] / sum : 1.0 / p.length;
        }
        return new Reading(p, v, probe == null ? null : probe.probabilities(v));
    }

    /** Geometric mix of the lexical and semantic distributions, renormalised. */
    double[] mix(double[] lexical, double[] semantic) {
        return mix(lexical, new Reading(semantic, null, null));
    }

    /** Geometric mix of the lexical distribution, the nearest phrasings' and the probe's, renormalised. */
    double[] mix(double[] lexical, Reading reading) {
        double w = params.weight();
        double pw = reading.probeProbabilities() == null ? 0 : params.probeWeight();
        double[] semantic = reading.categoryProbabilities();
        double[] out = new double[lexical.length];
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            double log = (1 - w - pw) * Math.log(Math.max(lexical[i], 1e-9)) + w * Math.log(Math.max(semantic[i], 1e-9));
            if (pw > 0) {
                log += pw * Math.log(Math.max(reading.probeProbabilities()[i], 1e-9));
            }
            out[i] = Math.exp(log);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    /** Best cosine per template id of {@code category} (templates without vectors are absent). */
    Map<String, Double> templateSimilarity(Reading reading, Category category) {
        Map<String, Double> best = new HashMap<>();
        List<EmbeddingIndex.Neighbour> near = index.nearest(reading.vector(), category, 40);
        for (EmbeddingIndex.Neighbour n : near) {
            if (n.templateId() != null) {
                best.merge(n.templateId(), n.cosine(), Math::max);
            }
        }
        return best;
    }
}
