package dev.cuecard.question;

/** The softmax both linear models turn their class scores into probabilities with. */
final class Softmax {
    private Softmax() {
    }

    /** Replaces scores by their softmax (shifted by the maximum, so large scores do not overflow). */
    static void inPlace(double[] s) {
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
}
