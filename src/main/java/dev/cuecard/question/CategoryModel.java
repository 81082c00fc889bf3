package dev.cuecard.question;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Multinomial logistic regression over sparse text features: which category (incl. NONE) an
 * utterance belongs to, with a probability that serves as the calibrated confidence. Trained at
 * start-up (well under a second) from the templates' phrasings and the shipped labelled examples,
 * deterministically (fixed seed), so behaviour is the same on every machine.
 */
final class CategoryModel {
    private static final int EPOCHS = 30;
    private static final double LEARNING_RATE = 0.5;
    private static final double L2 = 1e-5;
    private static final long SEED = 20261125L;

    /** A training text and its category. */
    record Example(Map<String, Double> features, Category category) {
    }

    private final Map<String, Integer> index;
    private final double[][] weights;
    private final double[] bias;

    private CategoryModel(Map<String, Integer> index, double[][] weights, double[] bias) {
        this.index = index;
        this.weights = weights;
        this.bias = bias;
    }

    static CategoryModel train(List<Example> examples) {
        Map<String, Integer> index = new HashMap<>();
        for (Example e : examples) {
            for (String f : e.features().keySet()) {
                index.putIfAbsent(f, index.size());
            }
        }
        int classes = Category.values().length;
        double[][] w = new double[classes][index.size()];
        double[] b = new double[classes];
        List<Example> order = new ArrayList<>(examples);
        Random random = new Random(SEED);
        double[] p = new double[classes];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            double rate = LEARNING_RATE / (1 + epoch * 0.2);
            for (Example e : order) {
                scores(e.features(), index, w, b, p);
                softmax(p);
                int truth = e.category().ordinal();
                for (int c = 0; c < classes; c++) {
                    double grad = p[c] - (c == truth ? 1 : 0);
                    b[c] -= rate * grad;
                    for (Map.Entry<String, Double> f : e.features().entrySet()) {
                        int j = index.get(f.getKey());
                        w[c][j] -= rate * (grad * f.getValue() + L2 * w[c][j]);
                    }
                }
            }
        }
        return new CategoryModel(index, w, b);
    }

    private static void scores(Map<String, Double> features, Map<String, Integer> index, double[][] w, double[] b,
                               double[] out) {
        for (int c = 0; c < out.length; c++) {
            double s = b[c];
            for (Map.Entry<String, Double> f : features.entrySet()) {
                Integer j = index.get(f.getKey());
                if (j != null) {
                    s += w[c][j] * f.getValue();
                }
            }
            out[c] = s;
        }
    }

    private static void softmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.exp(s[i] - max);
            sum += s[i];
        }
        for (int i = 0; i < s.length; i++) {
            s[i] /= sum;
        }
    }

    /** Probability per category, indexed by {@link Category#ordinal()}. */
    double[] probabilities(Map<String, Double> features) {
        double[] p = new double[bias.length];
        scores(features, index, weights, bias, p);
        softmax(p);
        return p;
    }
}
