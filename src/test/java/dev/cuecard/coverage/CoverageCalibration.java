package dev.cuecard.coverage;

import dev.cuecard.config.AppPaths;
import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.SemanticMatcher;
import dev.cuecard.question.SentenceEmbedder;
import dev.cuecard.question.TemplateLibrary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Chooses {@link SemanticCoverage.Params}: for each way of cutting windows and key points, the
 * threshold and weights with the best F1 on the training part of {@code coverage/pairs.yaml}, then
 * precision/recall of that choice on the held-out part (never used to choose). Run with
 * {@code bench/coverage-calibration.sh} ({@code --dump} lists every pair's evidence).
 */
public final class CoverageCalibration {
    private static final double[] LEXICAL = {0, 0.1, 0.2, 0.3, 0.4, 0.5};
    private static final double[] MARGIN = {0, 0.25, 0.5, 1.0};

    public static void main(String[] args) throws Exception {
        SentenceEmbedder embedder = SemanticMatcher.sharedEmbedder(AppPaths.fromEnvironment().cacheDir());
        CoveragePairs pairs = CoveragePairs.load(TemplateLibrary.shipped());
        SemanticCoverage lexical = SemanticCoverage.lexical(AsrVocabulary.shipped());
        print("lexical rule alone (before), train", CoveragePairs.lexicalQuality(pairs.score(lexical, false)));
        print("lexical rule alone (before), held-out", CoveragePairs.lexicalQuality(pairs.score(lexical, true)));
        if (List.of(args).contains("--dump")) {
            SemanticCoverage c = new SemanticCoverage(embedder, AsrVocabulary.shipped(), SemanticCoverage.Params.DEFAULT);
            List<CoveragePairs.Scored> all = new ArrayList<>(pairs.score(c, false));
            all.addAll(pairs.score(c, true));
            all.sort(Comparator.comparingDouble(CoveragePairs.Scored::cosine));
            for (CoveragePairs.Scored s : all) {
                System.out.printf(Locale.ROOT, "%.3f %.2f %+.3f %-5s %-7s %s | %s%n", s.cosine(), s.lexical(), s.margin(),
                        s.lexicalRule(), s.label(), s.item().template(), s.point());
            }
            return;
        }
        SemanticCoverage.Params winner = null;
        double winnerF = -1;
        List<List<Integer>> windowings = List.of(List.of(8), List.of(12), List.of(6, 12), List.of(8, 16), List.of(6, 10, 16));
        for (List<Integer> windows : windowings) {
            for (boolean parts : new boolean[] {false, true}) {
                SemanticCoverage.Params shape = new SemanticCoverage.Params(0, 0, 0, false, windows, 2, parts);
                SemanticCoverage c = new SemanticCoverage(embedder, AsrVocabulary.shipped(), shape);
                List<CoveragePairs.Scored> train = pairs.score(c, false);
                SemanticCoverage.Params best = null;
                double bestF = -1;
                for (boolean lexRule : new boolean[] {false, true}) {
                    for (double w : LEXICAL) {
                        for (double m : MARGIN) {
                            for (double t = 0.30; t <= 0.90; t += 0.01) {
                                // smoothed over neighbouring thresholds: a choice that holds only at one exact value is fragile
                                double f = 0;
                                for (int k = -2; k <= 2; k++) {
                                    f += CoveragePairs.quality(train, t + k * 0.01, w, m, lexRule).f(0.5) / 5;
                                }
                                if (f > bestF + 1e-9) {
                                    bestF = f;
                                    best = new SemanticCoverage.Params(Math.round(t * 100) / 100.0, w, m, lexRule, windows, 2, parts);
                                }
                            }
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "%n%s (train F0.5 %.3f)%n", best, bestF);
                if (bestF > winnerF) {
                    winnerF = bestF;
                    winner = best;
                }
                print("  train", CoveragePairs.quality(train, best));
                print("  held-out", CoveragePairs.quality(pairs.score(c, true), best));
            }
        }
        System.out.printf(Locale.ROOT, "%nbest on train: %s%n", winner);
        SemanticCoverage.Params p = SemanticCoverage.Params.DEFAULT;
        SemanticCoverage shipped = new SemanticCoverage(embedder, AsrVocabulary.shipped(), p);
        System.out.printf(Locale.ROOT, "%nshipped %s%n", p);
        print("  train", CoveragePairs.quality(pairs.score(shipped, false), p));
        print("  held-out", CoveragePairs.quality(pairs.score(shipped, true), p));
    }

    private static void print(String what, CoveragePairs.Quality q) {
        System.out.printf(Locale.ROOT, "%s: precision %.2f, recall %.2f (tp %d, fp %d, fn %d), near misses ticked %d/%d%n",
                what, q.precision(), q.recall(), q.tp(), q.fp(), q.fn(), q.nearTicked(), q.near());
    }
}
