package dev.cuecard.question;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses how the lexical and semantic readings are mixed ({@link SemanticMatcher.Params}) by
 * 5-fold cross-validation on the dev split only: each fold's model is trained without the fold,
 * and the fold's texts (clean and recogniser) are removed from the embedding index too, so no
 * utterance is ever matched against itself. The held-out split is never read.
 * Run: bench/fusion-tuning.sh
 */
public final class FusionTuning {
    private FusionTuning() {
    }

    /** One fold: its lexical model, its index without the fold, and its test utterances. */
    private record Fold(UtteranceClassifier lexical, SemanticMatcher matcher, List<LabelledUtterance> test) {
    }

    public static void main(String[] args) throws Exception {
        boolean probes = args.length > 0 && args[0].equals("--probe");
        if (probes) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        List<LabelledUtterance> dev = LabelledUtterance.load(Path.of("src/test/resources/devset")).stream()
                .filter(u -> !u.heldOut()).toList();
        SentenceEmbedder model = OnnxSentenceEmbedder.load(Files.createTempDirectory("djl"));
        Map<String, float[]> cache = new ConcurrentHashMap<>();
        SentenceEmbedder cached = t -> cache.computeIfAbsent(t, model::embed);
        EmbeddingIndex index = EmbeddingIndex.shipped();
        TemplateLibrary library = TemplateLibrary.shipped();
        int folds = 5;
        List<Fold> fs = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            Map<String, String[]> train = new LinkedHashMap<>();
            List<LabelledUtterance> test = new ArrayList<>();
            Set<Integer> hashes = new HashSet<>();
            for (int i = 0; i < dev.size(); i++) {
                LabelledUtterance u = dev.get(i);
                if (i % folds == k) {
                    test.add(u);
                    hashes.add(TextNormalizer.normalize(u.text()).hashCode());
                    if (u.asr() != null) {
                        hashes.add(TextNormalizer.normalize(u.asr()).hashCode());
                    }
                } else {
                    train.put(u.text(), new String[] {u.category(), u.template()});
                    if (u.asr() != null && !u.asr().isBlank()) {
                        train.put(u.asr(), new String[] {u.category(), u.template()});
                    }
                }
            }
            SemanticMatcher matcher = new SemanticMatcher(cached, index.without(hashes), SemanticMatcher.Params.DEFAULT);
            fs.add(new Fold(UtteranceClassifier.trainedOn(library, train), probes ? matcher.withProbe() : matcher, test));
        }
        System.out.println("| weight | temperature | k | template weight | probe weight | category acc. clean | category acc. recogniser | small talk rejected | template acc. |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        List<SemanticMatcher.Params> grid = new ArrayList<>();
        if (probes) {
            // the linear probe beside (or instead of) the nearest phrasing: weights w (nearest) and pw (probe)
            for (double w : parse(args[0])) {
                for (double pw : parse(args[1])) {
                    grid.add(new SemanticMatcher.Params(w, SemanticMatcher.Params.DEFAULT.temperature(),
                            SemanticMatcher.Params.DEFAULT.k(), 1.0, pw));
                }
            }
        } else {
        grid.add(new SemanticMatcher.Params(0, 0.05, 3, 0));
        double[] weights = args.length > 0 ? parse(args[0]) : new double[] {0.3, 0.5, 0.7, 1.0};
        double[] temperatures = args.length > 1 ? parse(args[1]) : new double[] {0.02, 0.05, 0.1};
        for (double w : weights) {
            for (double t : temperatures) {
                for (int k : new int[] {1, 3}) {
                    grid.add(new SemanticMatcher.Params(w, t, k, 1.0));
                }
            }
        }
        for (double tw : new double[] {0, 0.5, 2.0}) {
            grid.add(new SemanticMatcher.Params(SemanticMatcher.Params.DEFAULT.weight(),
                    SemanticMatcher.Params.DEFAULT.temperature(), SemanticMatcher.Params.DEFAULT.k(), tw));
        }
        }
        for (SemanticMatcher.Params p : grid) {
            int[] clean = new int[2];
            int[] asr = new int[2];
            int[] none = new int[2];
            int[] tpl = new int[2];
            double[] bins = {0, 0.5, 0.6, 0.7, 0.8, 0.9};
            int[][] calibration = new int[bins.length][2];
            for (Fold f : fs) {
                UtteranceClassifier c = p.weight() == 0 && p.templateWeight() == 0 && p.probeWeight() == 0 ? f.lexical()
                        : f.lexical().withSemantics(f.matcher().with(p));
                for (LabelledUtterance u : f.test()) {
                    for (String text : new String[] {u.text(), u.asr()}) {
                        if (text == null || text.isBlank()) {
                            continue;
                        }
                        Classification r = c.classify(text);
                        if (r.isQuestion()) {
                            int b = bins.length - 1;
                            while (r.confidence() < bins[b]) {
                                b--;
                            }
                            calibration[b][1]++;
                            calibration[b][0] += r.category().id().equals(u.category()) ? 1 : 0;
                        }
                        int[] slot = text == u.text() ? clean : asr;
                        slot[1]++;
                        if (r.category().id().equals(u.category())) {
                            slot[0]++;
                        }
                        if (u.category().equals("none")) {
                            none[1]++;
                            if (r.category() == Category.NONE) {
                                none[0]++;
                            }
                        } else if (u.hasTemplate()) {
                            tpl[1]++;
                            if (u.template().equals(r.templateId())) {
                                tpl[0]++;
                            }
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "| %.1f | %.2f | %d | %.1f | %.2f | %.1f %% | %.1f %% | %.1f %% | %.1f %% |%n",
                    p.weight(), p.temperature(), p.k(), p.templateWeight(), p.probeWeight(), pct(clean), pct(asr), pct(none),
                    pct(tpl));
            if (Boolean.getBoolean("cuecard.tuning.calibration")) {
                StringBuilder b = new StringBuilder("    calibration (questions read, right / all by confidence):");
                for (int i = 0; i < bins.length; i++) {
                    b.append(String.format(Locale.ROOT, " ≥%.1f: %.1f %% of %d;", bins[i], pct(calibration[i]),
                            calibration[i][1]));
                }
                System.out.println(b);
            }
        }
    }

    private static double[] parse(String list) {
        return java.util.Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static double pct(int[] a) {
        return a[1] == 0 ? Double.NaN : 100.0 * a[0] / a[1];
    }
}
