package dev.cuecard.question;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A unit-length sparse vector of weighted features, for cosine similarity. The index holds thousands
 * of these for the whole session (issue 14): stored as two arrays (~12 bytes an entry) rather than a
 * map of boxed numbers (~50); only a query vector keeps a map, to look the stored ones' features up.
 */
final class SparseVector {
    static final SparseVector EMPTY = new SparseVector(new String[0], new double[0], Map.of());

    private final String[] keys;
    private final double[] values;
    /** Feature → weight, for a vector compared against stored ones; null for a stored one. */
    private final Map<String, Double> lookup;

    private SparseVector(String[] keys, double[] values, Map<String, Double> lookup) {
        this.keys = keys;
        this.values = values;
        this.lookup = lookup;
    }

    /** Weights counts by idf and scales to unit length: a query, ready to be compared. */
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
        String[] keys = new String[w.size()];
        double[] values = new double[w.size()];
        int i = 0;
        for (Map.Entry<String, Double> e : w.entrySet()) {
            keys[i] = e.getKey();
            values[i++] = e.getValue();
        }
        return new SparseVector(keys, values, w);
    }

    /** The same weights, kept for the index: arrays only. */
    SparseVector stored() {
        return lookup == null ? this : new SparseVector(keys, values, null);
    }

    /** A stored vector of weights already scaled to unit length (see {@link TopicClassifier#read}); shares the arrays. */
    static SparseVector ofScaled(String[] keys, double[] values) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException("keys and values differ in length");
        }
        return keys.length == 0 ? EMPTY : new SparseVector(keys, values, null);
    }

    /** The weights in their stored order (the order {@link #cosine} adds in, and the order written). */
    Map<String, Double> weights() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            m.put(keys[i], values[i]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** This query's cosine with a stored vector, adding in the stored vector's order. */
    double cosine(SparseVector stored) {
        Map<String, Double> mine = lookup != null ? lookup : weights();
        double dot = 0;
        for (int i = 0; i < stored.keys.length; i++) {
            Double v = mine.get(stored.keys[i]);
            if (v != null) {
                dot += stored.values[i] * v;
            }
        }
        return dot;
    }

    boolean isEmpty() {
        return keys.length == 0;
    }
}
