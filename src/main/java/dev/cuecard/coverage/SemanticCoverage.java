package dev.cuecard.coverage;

import dev.cuecard.config.AppPaths;
import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.EmbeddingUnavailable;
import dev.cuecard.question.SemanticMatcher;
import dev.cuecard.question.SentenceEmbedder;
import dev.cuecard.question.TextNormalizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which key points an answer covered: "said" means the meaning, not the same words. Each
 * key point's sentence embedding is compared with every window of {@link Params#windowWords()}
 * consecutive words of the answer (a new window every {@link Params#stride()} words), and the best
 * cosine plus {@link Params#lexicalWeight()} × the share of the key point's own words that were
 * said must reach {@link Params#threshold()}. Without an embedding model it falls back to the
 * lexical rule alone. Thread-safe; an embedding costs a few milliseconds, so never on the FX thread.
 */
public final class SemanticCoverage {
    private static final Logger LOG = LoggerFactory.getLogger(SemanticCoverage.class);

    /**
     * The decision: covered when {@code cosine + lexicalWeight × lexical share + marginWeight ×
     * margin ≥ threshold}, or (when {@code lexicalRuleSuffices}) when the lexical rule alone holds.
     * Windows of each size in {@code windowWords}, a new one every {@code stride} words; with
     * {@code parts} a key point's clauses ("A — B") are matched on their own too. Calibrated on
     * src/test/resources/coverage/pairs.yaml (training part) by bench/coverage-calibration.sh.
     */
    public record Params(double threshold, double lexicalWeight, double marginWeight, boolean lexicalRuleSuffices,
                         List<Integer> windowWords, int stride, boolean parts) {
        public static final Params DEFAULT = new Params(0.72, 0.2, 0.25, false, List.of(8, 16), 2, true);

        public Params {
            windowWords = List.copyOf(windowWords);
        }

        int longestWindow() {
            return windowWords.stream().mapToInt(Integer::intValue).max().orElse(12);
        }
    }

    private static volatile SemanticCoverage shipped;

    private final SentenceEmbedder embedder;
    private final AsrVocabulary vocabulary;
    private final Params params;
    private final Map<String, List<float[]>> pointVectors = new ConcurrentHashMap<>();
    /** Where {@link #coverAll} keeps what it measured (null: nowhere). */
    private final Path kept;
    /** Why the shipped model did not load, in a user's words (null: it loaded, or none was asked for). */
    private final String withoutModel;

    /** @param embedder null for the lexical rule alone */
    public SemanticCoverage(SentenceEmbedder embedder, AsrVocabulary vocabulary, Params params) {
        this(embedder, vocabulary, params, null);
    }

    /**
     * @param kept a folder where {@link #coverAll} keeps the evidence it measured by meaning, so the
     *             same answers against the same key points are not embedded again (null: not kept)
     */
    public SemanticCoverage(SentenceEmbedder embedder, AsrVocabulary vocabulary, Params params, Path kept) {
        this(embedder, vocabulary, params, kept, null);
    }

    private SemanticCoverage(SentenceEmbedder embedder, AsrVocabulary vocabulary, Params params, Path kept,
                             String withoutModel) {
        this.embedder = embedder;
        this.vocabulary = vocabulary;
        this.params = params;
        this.kept = kept;
        this.withoutModel = withoutModel;
    }

    public static SemanticCoverage lexical(AsrVocabulary vocabulary) {
        return new SemanticCoverage(null, vocabulary, Params.DEFAULT);
    }

    /**
     * The shipped embedding model (shared with question matching, loaded once per process) and the
     * shipped vocabulary of mishearings; the lexical rule alone, with a log warning, when the model
     * cannot load or {@code -Dcuecard.coverage.semantic=false}.
     */
    public static SemanticCoverage shipped() {
        SemanticCoverage s = shipped;
        if (s == null) {
            synchronized (SemanticCoverage.class) {
                if (shipped == null) {
                    String[] why = new String[1];
                    SentenceEmbedder e = shippedEmbedder(reason -> why[0] = reason).orElse(null);
                    shipped = new SemanticCoverage(e, AsrVocabulary.shipped(), Params.DEFAULT, keptFolder(), why[0]);
                }
                s = shipped;
            }
        }
        return s;
    }

    /** Where {@link #shipped()} keeps what it measured, by session: the data folder's cache. */
    private static Path keptFolder() {
        return AppPaths.fromEnvironment().cacheDir().resolve("coverage");
    }

    /**
     * Forgets every measurement kept for past sessions (numbers only, but a deleted session should
     * leave nothing behind); the next debrief measures again.
     */
    public static void forgetKept() {
        CoverageKeep.forgetAll(keptFolder());
    }

    private static Optional<SentenceEmbedder> shippedEmbedder(java.util.function.Consumer<String> whyNot) {
        if (!Boolean.parseBoolean(System.getProperty("cuecard.coverage.semantic", "true"))) {
            whyNot.accept("the sentence model is turned off (-Dcuecard.coverage.semantic=false)");
            return Optional.empty();
        }
        try {
            return Optional.of(SemanticMatcher.sharedEmbedder(AppPaths.fromEnvironment().cacheDir()));
        } catch (EmbeddingUnavailable | RuntimeException e) {
            LOG.warn("key points are matched by their words only: {}", e.getMessage());
            whyNot.accept(e.getMessage());
            return Optional.empty();
        }
    }

    public boolean semantic() {
        return embedder != null;
    }

    /**
     * Why there is no sentence model, as one line (the log may not be writable: a read-only data
     * folder); empty with the model, or when none was asked for.
     */
    public Optional<String> withoutModel() {
        return embedder != null ? Optional.empty() : Optional.ofNullable(withoutModel);
    }

    public Params params() {
        return params;
    }

    public SemanticCoverage with(Params other) {
        return new SemanticCoverage(embedder, vocabulary, other, kept, withoutModel);
    }

    /** One answer and the key points it is checked against. */
    public record Job(List<String> points, String answer) {
        public Job {
            points = List.copyOf(points);
        }
    }

    /**
     * {@link #cover} of every job, in order, with the very same results, sooner: by meaning the jobs
     * run side by side on up to {@code threads} threads (named, daemon, gone when this returns; each
     * window is still embedded alone, so the numbers are those of {@link #cover}), and what they
     * measured is kept (see the constructor), so the same jobs again — the same session shown, then
     * exported, then opened in the window — are not embedded again. The windows are not embedded
     * as one batch: the shipped model quantizes each call's activations with one scale for the whole
     * batch, so a window's vector would depend on its neighbours in the batch.
     */
    public List<List<PointCoverage>> coverAll(List<Job> jobs, int threads) {
        if (embedder == null) {
            return jobs.stream().map(j -> cover(j.points(), j.answer())).toList();
        }
        List<List<String>> words = jobs.stream().map(j -> words(j.answer())).toList();
        Optional<CoverageKeep> keep = CoverageKeep.of(kept, embedder.modelId(), params, jobs, words);
        Optional<List<double[][]>> known = keep.flatMap(CoverageKeep::read);
        if (known.isPresent()) {
            List<List<PointCoverage>> out = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                out.add(judged(jobs.get(i).points(), words.get(i), known.get().get(i)));
            }
            return out;
        }
        List<List<PointCoverage>> out = inParallel(jobs, threads);
        keep.ifPresent(k -> k.write(out));
        return out;
    }

    private List<List<PointCoverage>> inParallel(List<Job> jobs, int threads) {
        int n = Math.min(threads, jobs.size());
        if (n <= 1) {
            return jobs.stream().map(j -> cover(j.points(), j.answer())).toList();
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n,
                new dev.cuecard.pipeline.NamedThreadFactory("coverage"));
        try {
            List<java.util.concurrent.Future<List<PointCoverage>>> running = new ArrayList<>();
            for (Job j : jobs) {
                running.add(pool.submit(() -> cover(j.points(), j.answer())));
            }
            List<List<PointCoverage>> out = new ArrayList<>();
            for (java.util.concurrent.Future<List<PointCoverage>> f : running) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("key point coverage was interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Coverage from kept evidence: per key point its best cosine and margin; the words' part is cheap, so done again. */
    private List<PointCoverage> judged(List<String> points, List<String> words, double[][] cosineAndMargin) {
        var said = LexicalCoverage.said(words);
        List<PointCoverage> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            out.add(judged(points.get(i), LexicalCoverage.match(points.get(i), said), cosineAndMargin[i][0],
                    cosineAndMargin[i][1], !words.isEmpty()));
        }
        return out;
    }

    /** The decision on one key point from its evidence ({@code cos} already at least 0). */
    private PointCoverage judged(String point, LexicalCoverage.Match lex, double cos, double margin, boolean anyWords) {
        double score = cos + params.lexicalWeight() * lex.fraction() + params.marginWeight() * margin;
        boolean covered = anyWords && (score >= params.threshold() || params.lexicalRuleSuffices() && lex.covered());
        return new PointCoverage(point, covered, score, cos, lex.fraction(), margin, lex.covered(), lex.matched());
    }

    /** Coverage of {@code points} by a whole answer. */
    public List<PointCoverage> cover(List<String> points, String answer) {
        Tracker t = track(points);
        t.add(answer);
        return t.coverage();
    }

    /** Follows one answer as its words come in. */
    public Tracker track(List<String> points) {
        return new Tracker(points);
    }

    /** The answer's words as the matcher reads them: normalised, known mishearings mapped to terms. */
    List<String> words(String text) {
        return TextNormalizer.words(vocabulary.apply(TextNormalizer.normalize(text)));
    }

    /** The key point's embedding, and with {@link Params#parts()} those of its clauses. */
    private List<float[]> pointVectors(String point) {
        return pointVectors.computeIfAbsent(point, p -> {
            List<float[]> v = new ArrayList<>();
            v.add(embedder.embed(p));
            if (params.parts()) {
                String[] parts = p.split(" — | – |; |, |\\(|\\)");
                if (parts.length > 1) {
                    for (String part : parts) {
                        if (part.strip().split(" ").length >= 2) {
                            v.add(embedder.embed(part.strip()));
                        }
                    }
                }
            }
            return v;
        });
    }

    private double similarity(String point, float[] window) {
        double best = -1;
        for (float[] p : pointVectors(point)) {
            best = Math.max(best, dot(p, window));
        }
        return best;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * One answer's coverage, updated as words arrive (the windows already embedded are kept, so a
     * refined card is compared with them without embedding the answer again). Not thread-safe: one
     * owner thread.
     */
    public final class Tracker {
        private final List<String> words = new ArrayList<>();
        private final List<float[]> windows = new ArrayList<>();
        /** Per key point, its cosine with every window (same order as {@link #windows}). */
        private final List<List<Double>> sims = new ArrayList<>();
        /** Windows embedded while the words were partial, by text: the final result mostly finds them here. */
        private final Map<String, float[]> recent = new java.util.LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > 256;
            }
        };
        private List<String> points = List.of();
        private int lastWindowEnd;

        private Tracker(List<String> points) {
            setPoints(points);
        }

        /** The card's key points (a refined card replaces them); every window heard so far is compared again. */
        public void setPoints(List<String> newPoints) {
            points = List.copyOf(newPoints);
            sims.clear();
            for (String p : points) {
                List<Double> s = new ArrayList<>();
                if (embedder != null) {
                    for (float[] w : windows) {
                        s.add(similarity(p, w));
                    }
                }
                sims.add(s);
            }
        }

        public List<String> points() {
            return points;
        }

        /** Final words of the answer. */
        public void add(String text) {
            List<String> added = words(text);
            if (added.isEmpty()) {
                return;
            }
            words.addAll(added);
            if (embedder == null) {
                return;
            }
            int n = words.size();
            int shortest = params.windowWords().stream().mapToInt(Integer::intValue).min().orElse(12);
            for (int end = lastWindowEnd + params.stride(); end < n; end += params.stride()) {
                if (end >= Math.min(shortest, n)) {
                    embedWindows(words, end);
                }
            }
            embedWindows(words, n);
            lastWindowEnd = n;
        }

        private void embedWindows(List<String> from, int end) {
            for (String text : windowTexts(from, end)) {
                float[] v = embedCached(text);
                windows.add(v);
                for (int i = 0; i < points.size(); i++) {
                    sims.get(i).add(similarity(points.get(i), v));
                }
            }
        }

        /** The windows ending at word {@code end}: one per size (fewer when the words are fewer). */
        private List<String> windowTexts(List<String> from, int end) {
            java.util.Set<Integer> starts = new java.util.TreeSet<>();
            params.windowWords().forEach(size -> starts.add(Math.max(0, end - size)));
            List<String> out = new ArrayList<>();
            for (int start : starts) {
                out.add(String.join(" ", from.subList(start, end)));
            }
            return out;
        }

        private float[] embedCached(String text) {
            float[] v = recent.get(text);
            if (v == null) {
                v = embedder.embed(text);
                recent.put(text, v);
            }
            return v;
        }

        /**
         * Words not final yet (a partial result): the windows the final result would make over them
         * are compared, not kept (they are cached, so the final result mostly reuses them). Points
         * they cover count (a tick never un-ticks).
         */
        public List<PointCoverage> peek(String partial) {
            List<String> tentative = words(partial);
            if (embedder == null || tentative.isEmpty()) {
                return coverage(tentative, List.of());
            }
            List<String> all = new ArrayList<>(words);
            all.addAll(tentative);
            int n = all.size();
            List<float[]> extra = new ArrayList<>();
            int shortest = params.windowWords().stream().mapToInt(Integer::intValue).min().orElse(12);
            for (int end = lastWindowEnd + params.stride(); end < n; end += params.stride()) {
                if (end >= Math.min(shortest, n)) {
                    windowTexts(all, end).forEach(t -> extra.add(embedCached(t)));
                }
            }
            windowTexts(all, n).forEach(t -> extra.add(embedCached(t)));
            return coverage(tentative, extra);
        }

        public int wordCount() {
            return words.size();
        }

        /** Every key point with its evidence so far. */
        public List<PointCoverage> coverage() {
            return coverage(List.of(), List.of());
        }

        private List<PointCoverage> coverage(List<String> extraWords, List<float[]> extraWindows) {
            List<String> all = new ArrayList<>(words);
            all.addAll(extraWords);
            var said = LexicalCoverage.said(all);
            double[][] extra = new double[points.size()][extraWindows.size()];
            for (int i = 0; i < points.size(); i++) {
                for (int w = 0; w < extraWindows.size(); w++) {
                    extra[i][w] = similarity(points.get(i), extraWindows.get(w));
                }
            }
            List<PointCoverage> out = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                LexicalCoverage.Match lex = LexicalCoverage.match(points.get(i), said);
                if (embedder == null) {
                    out.add(new PointCoverage(points.get(i), lex.covered(), lex.fraction(), 0, lex.fraction(), 0,
                            lex.covered(), lex.matched()));
                    continue;
                }
                double cos = -1;
                double margin = 0;
                List<Double> mine = sims.get(i);
                int kept = mine.size();
                for (int w = 0; w < kept + extraWindows.size(); w++) {
                    boolean tentative = w >= kept;
                    double c = tentative ? extra[i][w - kept] : mine.get(w);
                    if (c > cos) {
                        cos = c;
                        double others = -1;
                        for (int j = 0; j < points.size(); j++) {
                            if (j != i) {
                                others = Math.max(others, tentative ? extra[j][w - kept] : sims.get(j).get(w));
                            }
                        }
                        margin = points.size() > 1 ? c - others : 0;
                    }
                }
                out.add(judged(points.get(i), lex, Math.max(0, cos), margin, !all.isEmpty()));
            }
            return out;
        }
    }
}
