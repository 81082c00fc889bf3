package dev.cuecard.question;

import dev.cuecard.config.AppPaths;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Semantic-embedding figures for the lead (bench/embedding-bench.sh): model load, embed and search
 * time, and plain 1-NN category accuracy over the build-time vectors on the held-out split, clean
 * and recogniser text, beside the shipped lexical classifier.
 */
public final class EmbeddingBenchmark {
    private EmbeddingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path devset = Path.of(args.length > 0 ? args[0] : "src/test/resources/devset");
        List<LabelledUtterance> all = LabelledUtterance.load(devset);
        List<LabelledUtterance> held = all.stream().filter(LabelledUtterance::heldOut).toList();

        long t0 = System.nanoTime();
        SentenceEmbedder embedder = OnnxSentenceEmbedder.load(AppPaths.fromEnvironment().cacheDir());
        double loadMs = ms(System.nanoTime() - t0);
        t0 = System.nanoTime();
        EmbeddingIndex index = EmbeddingIndex.shipped();
        double indexMs = ms(System.nanoTime() - t0);
        t0 = System.nanoTime();
        PhrasingSet.shipped();
        double textsMs = ms(System.nanoTime() - t0);
        t0 = System.nanoTime();
        EmbeddingIndex.shipped();
        double againMs = ms(System.nanoTime() - t0);
        long vecBytes;
        try (InputStream in = EmbeddingIndex.class.getResourceAsStream("/dev/cuecard/question/phrasings.vec")) {
            vecBytes = in.readAllBytes().length;
        }
        System.out.printf(Locale.ROOT, "model load %.0f ms (first in this JVM); vectors %d rows, %d bytes, loaded in "
                + "%.0f ms first (%.0f ms a second time; reading templates and examples for the hash alone: %.0f ms)%n",
                loadMs, index.size(), vecBytes, indexMs, againMs, textsMs);

        // the shipped examples must not contain held-out lines (clean or recogniser)
        PhrasingSet phrasings = PhrasingSet.shipped();
        Set<String> shippedTexts = new HashSet<>();
        phrasings.phrasings().forEach(p -> shippedTexts.add(p.text()));
        long leaked = held.stream().filter(u -> shippedTexts.contains(TextNormalizer.normalize(u.text()))
                || (u.asr() != null && shippedTexts.contains(TextNormalizer.normalize(u.asr())))).count();
        System.out.printf(Locale.ROOT, "held-out lines among the embedded phrasings: %d of %d%n%n", leaked, held.size());

        timing(embedder, index, all);

        AsrVocabulary vocabulary = AsrVocabulary.shipped();
        UtteranceClassifier lexical = UtteranceClassifier.shipped();
        Map<String, Function<String, ClassifierBenchmark.Prediction>> systems = new java.util.LinkedHashMap<>();
        systems.put("lexical classifier (shipped)", t -> {
            Classification c = lexical.classify(t);
            return new ClassifierBenchmark.Prediction(c.category(), c.templateId(), c.confidence());
        });
        systems.put("1-NN, int8 vectors", t -> oneNn(index, embedder.embed(TextNormalizer.normalize(t))));
        systems.put("1-NN, query + ASR vocabulary", t -> oneNn(index,
                embedder.embed(vocabulary.apply(TextNormalizer.normalize(t)))));
        systems.put("top-3 mean per category", t -> topMean(index, embedder.embed(TextNormalizer.normalize(t)), 3));
        System.out.println("| system | text | n | category acc. (all) | category acc. (questions) | small talk rejected | questions detected | template acc. |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (var e : systems.entrySet()) {
            for (String variant : List.of("clean", "recogniser")) {
                Function<LabelledUtterance, String> text = variant.equals("clean") ? LabelledUtterance::text
                        : LabelledUtterance::asr;
                ClassifierBenchmark.Scores s = ClassifierBenchmark.score(held, text, e.getValue());
                System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s |%n", e.getKey(), variant, s.n(),
                        pct(s.categoryAccuracy()), pct(s.questionCategoryAccuracy()), pct(s.smallTalkRejection()),
                        pct(s.questionRecall()), pct(s.templateAccuracy()));
            }
        }
        quantisationCheck(embedder, index, phrasings, held);
    }

    static ClassifierBenchmark.Prediction oneNn(EmbeddingIndex index, float[] q) {
        EmbeddingIndex.Neighbour n = index.nearest(q, null, 1).get(0);
        return new ClassifierBenchmark.Prediction(n.category(), n.templateId(), n.cosine());
    }

    static ClassifierBenchmark.Prediction topMean(EmbeddingIndex index, float[] q, int k) {
        var best = index.byCategory(q, k).values().stream()
                .max(Comparator.comparingDouble(EmbeddingIndex.CategorySimilarity::topMean)).orElseThrow();
        var nn = index.nearest(q, best.category(), 1);
        return new ClassifierBenchmark.Prediction(best.category(), nn.isEmpty() ? null : nn.get(0).templateId(),
                best.topMean());
    }

    /** 1-NN with the rows embedded now in float32 against the int8 file: what quantisation costs. */
    static void quantisationCheck(SentenceEmbedder embedder, EmbeddingIndex index, PhrasingSet phrasings,
                                  List<LabelledUtterance> held) {
        List<float[]> rows = phrasings.phrasings().stream().map(p -> embedder.embed(p.text())).toList();
        int same = 0;
        int n = 0;
        double maxDiff = 0;
        for (LabelledUtterance u : held) {
            for (String t : new String[] {u.text(), u.asr()}) {
                if (t == null) {
                    continue;
                }
                float[] q = embedder.embed(TextNormalizer.normalize(t));
                int best = 0;
                double bestS = -2;
                for (int r = 0; r < rows.size(); r++) {
                    double s = dot(q, rows.get(r));
                    if (s > bestS) {
                        bestS = s;
                        best = r;
                    }
                }
                EmbeddingIndex.Neighbour nn = index.nearest(q, null, 1).get(0);
                maxDiff = Math.max(maxDiff, Math.abs(nn.cosine() - bestS));
                same += phrasings.phrasings().get(best).category() == nn.category() ? 1 : 0;
                n++;
            }
        }
        System.out.printf(Locale.ROOT, "%nint8 vs float32 rows: same 1-NN category for %d of %d queries; "
                + "largest top-1 cosine difference %.4f%n", same, n, maxDiff);
    }

    static void timing(SentenceEmbedder embedder, EmbeddingIndex index, List<LabelledUtterance> all) {
        List<String> sentences = new ArrayList<>();
        all.forEach(u -> sentences.add(TextNormalizer.normalize(u.text())));
        for (int i = 0; i < 100; i++) {
            embedder.embed(TextNormalizer.normalize(all.get(i).asr() == null ? "warm up" : all.get(i).asr()));
        }
        double[] embed = new double[sentences.size()];
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < embed.length; i++) {
            long t = System.nanoTime();
            queries.add(embedder.embed(sentences.get(i)));
            embed[i] = ms(System.nanoTime() - t);
        }
        for (int i = 0; i < 200; i++) {
            index.nearest(queries.get(i % queries.size()), null, 5);
        }
        double[] search = new double[queries.size()];
        double[] perCategory = new double[queries.size()];
        for (int i = 0; i < search.length; i++) {
            long t = System.nanoTime();
            index.nearest(queries.get(i), null, 5);
            search[i] = ms(System.nanoTime() - t);
            t = System.nanoTime();
            index.byCategory(queries.get(i), 3);
            perCategory[i] = ms(System.nanoTime() - t);
        }
        double words = sentences.stream().mapToInt(s -> s.split(" ").length).average().orElse(0);
        System.out.printf(Locale.ROOT, "embed: %d sentences (%.1f words on average) after 100 warm-up: "
                + "median %.2f ms, p99 %.2f ms, max %.2f ms%n", embed.length, words, pctl(embed, 50), pctl(embed, 99),
                pctl(embed, 100));
        System.out.printf(Locale.ROOT, "nearest(k=5) over %d rows: median %.3f ms, p99 %.3f ms; "
                + "byCategory(k=3): median %.3f ms, p99 %.3f ms%n%n", index.size(), pctl(search, 50), pctl(search, 99),
                pctl(perCategory, 50), pctl(perCategory, 99));
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double pctl(double[] values, double p) {
        double[] v = values.clone();
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}
