package dev.cuecard.practice;

import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Typed calibration of the rubric, before (key points by words) and after (by meaning, issue 15),
 * on the original set, the held-out set and the second held-out set (written before the "shallow
 * answers" change and never used to tune it): rank agreement, means, and how many answers land in
 * the target bands (strong >= 7, mediocre 3-6, weak <= 2.5). Run with
 * {@code bench/practice-heldout.sh}; arguments:
 * <ul>
 *   <li>{@code --verbose}: also print every answer's total and dimension scores (semantic rubric);</li>
 *   <li>{@code --semantic}: only the semantic rubric (skips the lexical "before" lines);</li>
 *   <li>any {@code *.yaml}: only these sets (names under {@code practice/}).</li>
 * </ul>
 */
public final class PracticeHeldOutCalibration {
    static final String[] SETS = {"calibration.yaml", "calibration-heldout.yaml", "calibration-heldout2.yaml"};

    public static void main(String[] args) {
        List<String> argList = List.of(args);
        boolean verbose = argList.contains("--verbose");
        boolean semanticOnly = argList.contains("--semantic");
        List<String> sets = argList.stream().filter(a -> a.endsWith(".yaml")).collect(Collectors.toCollection(ArrayList::new));
        if (sets.isEmpty()) {
            sets.addAll(List.of(SETS));
        }
        TemplateLibrary templates = TemplateLibrary.shipped();
        AnswerScorer lexical = AnswerScorer.lexical();
        AnswerScorer semantic = AnswerScorer.shipped();
        for (String set : sets) {
            CalibrationSet s = CalibrationSet.load("/practice/" + set);
            for (boolean sem : semanticOnly ? new boolean[] {true} : new boolean[] {false, true}) {
                AnswerScorer scorer = sem ? semantic : lexical;
                if (verbose && sem) {
                    printAnswers(s, scorer, templates);
                }
                Figures f = figures(s, scorer, templates);
                System.out.printf(Locale.ROOT, "%s, %s: %s%n", set, sem ? "semantic (after)" : "lexical (before)", f);
            }
        }
    }

    /** One line per answer: the quality, total, a band mark and each measured dimension out of 10. */
    static void printAnswers(CalibrationSet set, AnswerScorer scorer, TemplateLibrary templates) {
        for (CalibrationSet.Item i : set.items()) {
            Template t = templates.get(i.template()).orElseThrow();
            for (CalibrationSet.Quality q : CalibrationSet.Quality.values()) {
                Answer a = Answer.typed(i.text(q));
                AnswerScore sc = scorer.score(t, a);
                boolean inBand = switch (q) {
                    case STRONG -> sc.total() >= 7;
                    case MEDIOCRE -> sc.total() >= 3 && sc.total() <= 6;
                    case WEAK -> sc.total() <= 2.5;
                };
                String dims = sc.dimensions().stream().filter(d -> d.score().isPresent())
                        .map(d -> String.format(Locale.ROOT, "%s %.1f", d.dimension().id(), d.outOfTen().orElseThrow()))
                        .collect(Collectors.joining(", "));
                String findings = sc.dimensions().stream().filter(d -> d.score().isPresent())
                        .map(DimensionScore::finding).collect(Collectors.joining(" | "));
                System.out.printf(Locale.ROOT, "  %-34s %-8s %4.1f %s %3dw  [%s]  (%s)%n", i.template(),
                        q.name().toLowerCase(Locale.ROOT), sc.total(), inBand ? " " : "!", a.wordCount(), dims, findings);
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
