package dev.cuecard.question;

import dev.cuecard.question.Bm25Index;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Accuracy of the question detector + topic classifier on the labelled development set, on clean
 * text and on recogniser text, against the BM25 keyword baseline; plus timing and calibration.
 */
public final class ClassifierBenchmark {

    /** A prediction in comparable form. */
    record Prediction(Category category, String template, double confidence) {
    }

    /** Scores of one system on one slice. */
    record Scores(int n, int categoryCorrect, int questions, int questionCategoryCorrect, int noneTotal,
                  int noneRejected, int questionsDetected, int templateLabelled, int templateCorrect) {
        double categoryAccuracy() {
            return ratio(categoryCorrect, n);
        }

        double questionCategoryAccuracy() {
            return ratio(questionCategoryCorrect, questions);
        }

        double smallTalkRejection() {
            return ratio(noneRejected, noneTotal);
        }

        double questionRecall() {
            return ratio(questionsDetected, questions);
        }

        double templateAccuracy() {
            return ratio(templateCorrect, templateLabelled);
        }
    }

    private ClassifierBenchmark() {
    }

    static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    static Scores score(List<LabelledUtterance> set, Function<LabelledUtterance, String> text,
                        Function<String, Prediction> system) {
        int n = 0, cat = 0, q = 0, qCat = 0, none = 0, rejected = 0, detected = 0, tl = 0, tc = 0;
        for (LabelledUtterance u : set) {
            String t = text.apply(u);
            if (t == null) {
                continue;
            }
            Prediction p = system.apply(t);
            n++;
            boolean isNone = u.category().equals("none");
            if (p.category().id().equals(u.category())) {
                cat++;
            }
            if (isNone) {
                none++;
                if (p.category() == Category.NONE) {
                    rejected++;
                }
            } else {
                q++;
                if (p.category() != Category.NONE) {
                    detected++;
                }
                if (p.category().id().equals(u.category())) {
                    qCat++;
                }
                if (u.hasTemplate()) {
                    tl++;
                    if (u.template().equals(p.template())) {
                        tc++;
                    }
                }
            }
        }
        return new Scores(n, cat, q, qCat, none, rejected, detected, tl, tc);
    }

    public static String run(List<LabelledUtterance> all, UtteranceClassifier classifier) {
        Function<String, Prediction> ours = t -> {
            Classification c = classifier.classify(t);
            return new Prediction(c.category(), c.templateId(), c.confidence());
        };
        Bm25Index bm25 = new Bm25Index(classifier.library());
        List<LabelledUtterance> dev = all.stream().filter(u -> !u.heldOut()).toList();
        List<LabelledUtterance> held = all.stream().filter(LabelledUtterance::heldOut).toList();
        double threshold = bestBaselineThreshold(dev, bm25);
        Function<String, Prediction> baseline = t -> {
            Bm25Index.Match m = bm25.best(t);
            return m.score() >= threshold && m.template() != null
                    ? new Prediction(m.template().category(), m.template().id(), 1)
                    : new Prediction(Category.NONE, null, 1);
        };
        Function<LabelledUtterance, String> clean = LabelledUtterance::text;
        Function<LabelledUtterance, String> asr = LabelledUtterance::asr;

        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "utterances: %d (dev %d, held-out %d; %d with recogniser text)%n%n",
                all.size(), dev.size(), held.size(), all.stream().filter(u -> u.asr() != null).count()));
        b.append("| system | slice | text | n | category acc. (all) | category acc. (questions) | small talk rejected | questions detected | template acc. |\n");
        b.append("|---|---|---|---|---|---|---|---|---|\n");
        for (String system : List.of("cuecard", "bm25 baseline")) {
            Function<String, Prediction> s = system.equals("cuecard") ? ours : baseline;
            for (String slice : List.of("held-out", "dev")) {
                List<LabelledUtterance> set = slice.equals("dev") ? dev : held;
                for (String variant : List.of("clean", "recogniser")) {
                    Scores sc = score(set, variant.equals("clean") ? clean : asr, s);
                    b.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s | %s | %s |%n",
                            system, slice, variant, sc.n(), pct(sc.categoryAccuracy()), pct(sc.questionCategoryAccuracy()),
                            pct(sc.smallTalkRejection()), pct(sc.questionRecall()), pct(sc.templateAccuracy())));
                }
            }
        }
        b.append(String.format(Locale.ROOT, "%n(baseline question threshold tuned on dev: BM25 score >= %.2f)%n", threshold));
        b.append('\n').append(crossValidation(dev, classifier));
        b.append("\nHeld-out confusion, recogniser text (rows: true, columns: predicted):\n\n");
        b.append(confusion(held, asr, ours));
        b.append("\nHeld-out confusion, clean text:\n\n");
        b.append(confusion(held, clean, ours));
        b.append("\nCalibration on the held-out split (utterances predicted as questions, clean + recogniser text):\n\n");
        b.append(calibration(held, ours));
        b.append('\n').append(timing(all, classifier));
        return b.toString();
    }

    /**
     * 5-fold cross-validation on the dev split only (the model retrained without each fold): the
     * figure used for tuning, so the held-out split stays untouched.
     */
    static String crossValidation(List<LabelledUtterance> dev, UtteranceClassifier shipped) {
        int folds = 5;
        int n = 0;
        int correct = 0;
        int noneTotal = 0;
        int noneOk = 0;
        int templateN = 0;
        int templateOk = 0;
        StringBuilder errors = new StringBuilder();
        for (int k = 0; k < folds; k++) {
            java.util.Map<String, String[]> train = new java.util.LinkedHashMap<>();
            List<LabelledUtterance> test = new ArrayList<>();
            for (int i = 0; i < dev.size(); i++) {
                LabelledUtterance u = dev.get(i);
                Category c = Category.fromId(u.category()).orElseThrow();
                if (i % folds == k) {
                    test.add(u);
                } else {
                    train.put(u.text(), new String[] {c.id(), u.template()});
                    if (u.asr() != null && !u.asr().isBlank()) {
                        train.put(u.asr(), new String[] {c.id(), u.template()});
                    }
                }
            }
            UtteranceClassifier fold = UtteranceClassifier.trainedOn(shipped.library(), train);
            for (LabelledUtterance u : test) {
                for (String t : new String[] {u.text(), u.asr()}) {
                    if (t == null || t.isBlank()) {
                        continue;
                    }
                    Classification c = fold.classify(t);
                    n++;
                    if (!c.category().id().equals(u.category())) {
                        errors.append(String.format(Locale.ROOT, "  %s true=%s got=%s %.2f | %s%n", u.id(),
                                u.category(), c.category().id(), c.confidence(), t));
                    }
                    if (c.category().id().equals(u.category())) {
                        correct++;
                    }
                    if (u.hasTemplate()) {
                        templateN++;
                        if (u.template().equals(c.templateId())) {
                            templateOk++;
                        }
                    }
                    if (u.category().equals("none")) {
                        noneTotal++;
                        if (c.category() == Category.NONE) {
                            noneOk++;
                        }
                    }
                }
            }
        }
        return String.format(Locale.ROOT, "5-fold cross-validation on dev (clean + recogniser text): category "
                + "accuracy %s over %d, small talk rejected %s, template accuracy %s%n", pct(ratio(correct, n)), n,
                pct(ratio(noneOk, noneTotal)), pct(ratio(templateOk, templateN)))
                + "Cross-validation errors (dev split only; the held-out split is never listed, so nobody tunes on it):\n"
                + errors;
    }

    private static double bestBaselineThreshold(List<LabelledUtterance> dev, Bm25Index bm25) {
        double best = 0;
        double bestAcc = -1;
        for (double t = 0.5; t <= 12; t += 0.25) {
            final double th = t;
            Scores s = score(dev, LabelledUtterance::text, x -> {
                Bm25Index.Match m = bm25.best(x);
                return m.score() >= th && m.template() != null
                        ? new Prediction(m.template().category(), m.template().id(), 1)
                        : new Prediction(Category.NONE, null, 1);
            });
            if (s.categoryAccuracy() > bestAcc) {
                bestAcc = s.categoryAccuracy();
                best = t;
            }
        }
        return best;
    }

    private static String confusion(List<LabelledUtterance> set, Function<LabelledUtterance, String> text,
                                    Function<String, Prediction> system) {
        Map<Category, Map<Category, Integer>> m = new EnumMap<>(Category.class);
        for (LabelledUtterance u : set) {
            String t = text.apply(u);
            if (t == null) {
                continue;
            }
            Category truth = Category.fromId(u.category()).orElseThrow();
            m.computeIfAbsent(truth, k -> new EnumMap<>(Category.class))
                    .merge(system.apply(t).category(), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder("| true \\ predicted |");
        for (Category c : Category.values()) {
            b.append(' ').append(abbrev(c)).append(" |");
        }
        b.append("\n|---|").append("---|".repeat(Category.values().length)).append('\n');
        for (Category row : Category.values()) {
            b.append("| ").append(row.id()).append(" |");
            for (Category col : Category.values()) {
                int v = m.getOrDefault(row, Map.of()).getOrDefault(col, 0);
                b.append(' ').append(v == 0 ? "." : String.valueOf(v)).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String abbrev(Category c) {
        return switch (c) {
            case SYSTEM_DESIGN -> "sys";
            case API_DESIGN -> "api";
            case DATABASES -> "db";
            case CACHING -> "cache";
            case CONCURRENCY -> "conc";
            case DISTRIBUTED_SYSTEMS -> "dist";
            case RELIABILITY_OPS -> "ops";
            case BEHAVIORAL -> "beh";
            case CODING -> "code";
            case LANGUAGE_RUNTIME -> "lang";
            case NONE -> "none";
        };
    }

    private static String calibration(List<LabelledUtterance> all, Function<String, Prediction> system) {
        int[] n = new int[5];
        int[] correct = new int[5];
        double[] lo = {0, 0.5, 0.7, 0.85, 0.95};
        for (LabelledUtterance u : all) {
            for (String t : new String[] {u.text(), u.asr()}) {
                if (t == null) {
                    continue;
                }
                Prediction p = system.apply(t);
                if (p.category() == Category.NONE) {
                    continue;
                }
                int bin = 0;
                for (int i = lo.length - 1; i >= 0; i--) {
                    if (p.confidence() >= lo[i]) {
                        bin = i;
                        break;
                    }
                }
                n[bin]++;
                if (p.category().id().equals(u.category())) {
                    correct[bin]++;
                }
            }
        }
        StringBuilder b = new StringBuilder("| confidence | predictions | category correct |\n|---|---|---|\n");
        String[] names = {"< 0.50", "0.50–0.70", "0.70–0.85", "0.85–0.95", "≥ 0.95"};
        for (int i = 0; i < 5; i++) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %s |%n", names[i], n[i], pct(ratio(correct[i], n[i]))));
        }
        return b.toString();
    }

    private static String timing(List<LabelledUtterance> all, UtteranceClassifier classifier) {
        List<String> texts = new ArrayList<>();
        all.forEach(u -> {
            texts.add(u.text());
            if (u.asr() != null) {
                texts.add(u.asr());
            }
        });
        // what runs on every growing partial (lexical), and what runs where a card is decided (+ semantics)
        String partial = timed("partial (lexical) classification", texts, t -> classifier.classify(t, List.of()));
        return classifier.hasSemantics()
                ? partial + timed("decision (lexical + semantic) classification", texts, classifier::classify)
                : partial;
    }

    private static String timed(String what, List<String> texts, java.util.function.Consumer<String> work) {
        for (int warm = 0; warm < 3; warm++) {
            texts.forEach(work);
        }
        long[] ns = new long[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            long t0 = System.nanoTime();
            work.accept(texts.get(i));
            ns[i] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(ns);
        return String.format(Locale.ROOT, "%s time per utterance (%d utterances, after warm-up): "
                        + "median %.2f ms, p99 %.2f ms, max %.2f ms%n", what, ns.length, ns[ns.length / 2] / 1e6,
                ns[(int) (ns.length * 0.99)] / 1e6, ns[ns.length - 1] / 1e6);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f %%", v * 100);
    }
}
