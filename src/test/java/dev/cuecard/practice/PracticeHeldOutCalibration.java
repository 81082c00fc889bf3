package dev.cuecard.practice;

import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import java.util.Locale;

/**
 * Typed calibration of the rubric, before (key points by words) and after (by meaning, issue 15),
 * on the original set and on the held-out set: rank agreement, means, and how many answers land in
 * the target bands (strong >= 7, mediocre 3-6, weak <= 2.5). Run with
 * {@code bench/practice-heldout.sh}.
 */
public final class PracticeHeldOutCalibration {
    public static void main(String[] args) {
        TemplateLibrary templates = TemplateLibrary.shipped();
        for (String set : new String[] {"calibration.yaml", "calibration-heldout.yaml"}) {
            CalibrationSet s = CalibrationSet.load("/practice/" + set);
            for (boolean semantic : new boolean[] {false, true}) {
                AnswerScorer scorer = semantic ? AnswerScorer.shipped() : AnswerScorer.lexical();
                Figures f = figures(s, scorer, templates);
                System.out.printf(Locale.ROOT, "%s, %s: %s%n", set, semantic ? "semantic (after)" : "lexical (before)", f);
            }
        }
    }

    record Figures(int triples, int ordered, double[] mean, int[] inBand, double minGap) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "ordered %d/%d (%.0f %%); mean strong %.1f, mediocre %.1f, weak %.1f; in band: "
                            + "strong>=7 %d, mediocre 3-6 %d, weak<=2.5 %d of %d; smallest mediocre-weak gap %.1f",
                    ordered, triples, 100.0 * ordered / triples, mean[0], mean[1], mean[2], inBand[0], inBand[1], inBand[2],
                    triples, minGap);
        }
    }

    static Figures figures(CalibrationSet set, AnswerScorer scorer, TemplateLibrary templates) {
        int ordered = 0;
        double[] sum = new double[3];
        int[] band = new int[3];
        double minGap = Double.MAX_VALUE;
        for (CalibrationSet.Item i : set.items()) {
            Template t = templates.get(i.template()).orElseThrow();
            double s = scorer.score(t, Answer.typed(i.strong())).total();
            double m = scorer.score(t, Answer.typed(i.mediocre())).total();
            double w = scorer.score(t, Answer.typed(i.weak())).total();
            ordered += s > m && m > w ? 1 : 0;
            sum[0] += s;
            sum[1] += m;
            sum[2] += w;
            band[0] += s >= 7 ? 1 : 0;
            band[1] += m >= 3 && m <= 6 ? 1 : 0;
            band[2] += w <= 2.5 ? 1 : 0;
            minGap = Math.min(minGap, m - w);
        }
        int n = set.items().size();
        return new Figures(n, ordered, new double[] {sum[0] / n, sum[1] / n, sum[2] / n}, band, minGap);
    }
}
