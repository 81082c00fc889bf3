package dev.cuecard.question;

import java.util.HashMap;
import java.util.Map;

/** A unit-length sparse vector of weighted features, for cosine similarity. */
final class SparseVector {
    static final SparseVector EMPTY = new SparseVector(Map.of());

    private final Map<String, Double> weights;

    private SparseVector(Map<String, Double> weights) {
        this.weights = weights;
    }

    /** Weights counts by idf and scales to unit length. */
    static SparseVector of(Map<String, Integer> counts, Map<String, Double> idf, double defaultIdf) {
        Map<String, Double> w = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            double v = (1 + Math.log(e.getValue())) * idf.getOrDefault(e.getKey(), defaultIdf);
            w.put(e.getKey(), v);
            norm += v * v;
        }
        if (norm == 0) {
            return EMPTY;
        }
        double len = Math.sqrt(norm);
        w.replaceAll((k, v) -> v / len);
        return new SparseVector(w);
    }

    /** The weights as built (their iteration order is the order {@link #cosine} adds in). */
    Map<String, Double> weights() {
        return java.util.Collections.unmodifiableMap(weights);
    }

    /** A vector of weights already scaled to unit length, kept in the map given (see {@link TopicClassifier#read}). */
    static SparseVector ofScaled(Map<String, Double> weights) {
        return weights.isEmpty() ? EMPTY : new SparseVector(weights);
    }

    double cosine(SparseVector other) {
        Map<String, Double> small = weights.size() <= other.weights.size() ? weights : other.weights;
        Map<String, Double> large = small == weights ? other.weights : weights;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double v = large.get(e.getKey());
            if (v != null) {
                dot += e.getValue() * v;
            }
        }
        return dot;
    }

    boolean isEmpty() {
        return weights.isEmpty();
    }
}
