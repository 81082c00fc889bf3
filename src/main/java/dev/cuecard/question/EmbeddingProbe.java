package dev.cuecard.question;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A linear classifier over sentence embeddings (multinomial logistic regression on the 384
 * numbers): which category the meaning of an utterance is closest to, learnt from every shipped
 * phrasing's vector. Unlike the nearest phrasing, it weighs all of a category's phrasings and the
 * directions that separate categories, so one near wording of another topic sways it less.
 * Trained deterministically (fixed seed) in well under a second; immutable afterwards.
 */
final class EmbeddingProbe {
    static final int EPOCHS = 40;
    static final double LEARNING_RATE = 0.5;
    static final double L2 = 1e-4;
    static final long SEED = 20261129L;
    /** Changes whenever training changes, so a stored probe from other code is retrained at the build. */
    static final int VERSION = 1;

    private final int dims;
    private final int classes;
    /** Class-major: the weight of dimension d for class c is {@code weights[c * dims + d]}. */
    private final double[] weights;
    private final double[] bias;

    private EmbeddingProbe(int dims, int classes, double[] weights, double[] bias) {
        this.dims = dims;
        this.classes = classes;
        this.weights = weights;
        this.bias = bias;
    }

    /** Trained on the index's rows (L2-normalised vectors and their categories). */
    static EmbeddingProbe train(EmbeddingIndex index) {
        int dims = index.dimensions();
        int classes = Category.values().length;
        int n = index.size();
        double[] w = new double[classes * dims];
        double[] b = new double[classes];
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Random random = new Random(SEED);
        double[] p = new double[classes];
        float[] v = new float[dims];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            double rate = LEARNING_RATE / (1 + epoch * 0.1);
            for (int r : order) {
                index.vector(r, v);
                scores(v, w, b, dims, p);
                Softmax.inPlace(p);
                int truth = index.rows().get(r).category().ordinal();
                for (int c = 0; c < classes; c++) {
                    double g = p[c] - (c == truth ? 1 : 0);
                    b[c] -= rate * g;
                    int base = c * dims;
                    for (int d = 0; d < dims; d++) {
                        w[base + d] -= rate * (g * v[d] + L2 * w[base + d]);
                    }
                }
            }
        }
        return new EmbeddingProbe(dims, classes, w, b);
    }

    int dimensions() {
        return dims;
    }

    /** Weights and biases as float32 (the precision they are used at is far coarser than the training's). */
    void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(classes);
        out.writeInt(dims);
        for (double x : weights) {
            out.writeFloat((float) x);
        }
        for (double x : bias) {
            out.writeFloat((float) x);
        }
    }

    /** As {@link #write} stored it; fails on a shape other than this build's categories × {@code dims}. */
    static EmbeddingProbe read(java.io.DataInputStream in, int dims) throws java.io.IOException {
        int classes = in.readInt();
        int d = in.readInt();
        if (classes != Category.values().length || d != dims) {
            throw new java.io.IOException("probe of " + classes + " × " + d + ", expected " + Category.values().length
                    + " × " + dims);
        }
        double[] w = new double[classes * dims];
        for (int i = 0; i < w.length; i++) {
            w[i] = in.readFloat();
        }
        double[] b = new double[classes];
        for (int i = 0; i < b.length; i++) {
            b[i] = in.readFloat();
        }
        return new EmbeddingProbe(dims, classes, w, b);
    }

    /** Probability per category (by {@link Category#ordinal()}) of an L2-normalised sentence vector. */
    double[] probabilities(float[] vector) {
        double[] p = new double[classes];
        scores(vector, weights, bias, dims, p);
        Softmax.inPlace(p);
        return p;
    }

    private static void scores(float[] v, double[] w, double[] b, int dims, double[] out) {
        for (int c = 0; c < out.length; c++) {
            double s = b[c];
            int base = c * dims;
            for (int d = 0; d < dims; d++) {
                s += w[base + d] * v[d];
            }
            out[c] = s;
        }
    }

}
