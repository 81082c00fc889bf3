package dev.cuecard.question;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Build-time vectors of the shipped phrasings ({@link PhrasingVectors}) searched by cosine: the
 * nearest rows and the similarity per category. Immutable, so thread-safe; a search is a plain
 * dot product over every row (~1.5 k × 384), well under a millisecond.
 */
final class EmbeddingIndex {
    /** One stored phrasing: its labels and the {@code String.hashCode} of its normalized text. */
    public record Row(Category category, String templateId, int textHash) {
    }

    /** A row and its cosine to the query; {@code templateId} is null for examples without one. */
    public record Neighbour(Category category, String templateId, int textHash, double cosine) {
    }

    /** The best cosine of a category's rows and the mean of its best k (k or fewer rows). */
    public record CategorySimilarity(Category category, double best, double topMean) {
    }

    private final List<Row> rows;
    /** Row-major, each row L2-normalised. */
    private final float[] vectors;
    private final int dims;
    /** The linear probe trained on these rows at build time; null when absent or after {@link #without}. */
    private final EmbeddingProbe probe;

    EmbeddingIndex(List<Row> rows, float[] vectors, int dims) {
        this(rows, vectors, dims, null);
    }

    EmbeddingIndex(List<Row> rows, float[] vectors, int dims, EmbeddingProbe probe) {
        if (vectors.length != rows.size() * dims) {
            throw new IllegalArgumentException(rows.size() + " rows but " + vectors.length + " numbers");
        }
        this.rows = List.copyOf(rows);
        this.vectors = vectors;
        this.dims = dims;
        this.probe = probe;
    }

    /** The build-time linear probe over these rows' categories. */
    java.util.Optional<EmbeddingProbe> probe() {
        return java.util.Optional.ofNullable(probe);
    }

    /** The vectors built with the app; fails (stale, missing, corrupt) with a one-line reason. */
    public static EmbeddingIndex shipped() throws EmbeddingUnavailable {
        return PhrasingVectors.readShipped(PhrasingSet::shipped);
    }

    public int size() {
        return rows.size();
    }

    public int dimensions() {
        return dims;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Copies row {@code r}'s vector into {@code into}. */
    void vector(int r, float[] into) {
        System.arraycopy(vectors, r * dims, into, 0, dims);
    }

    /** The k rows nearest to {@code query} (L2-normalised), best first; only {@code filter}'s rows unless null. */
    public List<Neighbour> nearest(float[] query, Category filter, int k) {
        double[] s = scores(query);
        int[] best = new int[Math.max(0, k)];
        int n = 0;
        for (int r = 0; r < s.length; r++) {
            if (filter != null && rows.get(r).category() != filter) {
                continue;
            }
            // insertion into the small sorted top-k array
            int i = n < best.length ? n++ : best.length;
            while (i > 0 && s[best[i - 1]] < s[r]) {
                if (i < best.length) {
                    best[i] = best[i - 1];
                }
                i--;
            }
            if (i < best.length) {
                best[i] = r;
            }
        }
        List<Neighbour> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Row row = rows.get(best[i]);
            out.add(new Neighbour(row.category(), row.templateId(), row.textHash(), s[best[i]]));
        }
        return out;
    }

    /** Per category with rows: best cosine and the mean of the k best (a vote less swayed by one row). */
    public Map<Category, CategorySimilarity> byCategory(float[] query, int k) {
        double[] s = scores(query);
        Map<Category, List<Double>> per = new EnumMap<>(Category.class);
        for (int r = 0; r < s.length; r++) {
            per.computeIfAbsent(rows.get(r).category(), c -> new ArrayList<>()).add(s[r]);
        }
        Map<Category, CategorySimilarity> out = new EnumMap<>(Category.class);
        per.forEach((c, list) -> {
            list.sort(Collections.reverseOrder());
            List<Double> top = list.subList(0, Math.min(Math.max(1, k), list.size()));
            double mean = top.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            out.put(c, new CategorySimilarity(c, list.get(0), mean));
        });
        return out;
    }

    private double[] scores(float[] query) {
        if (query.length != dims) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, index " + dims);
        }
        double[] s = new double[rows.size()];
        for (int r = 0, off = 0; r < s.length; r++, off += dims) {
            // four independent sums: the JIT may not reorder one float sum; ~1.5x faster here
            float a = 0, b = 0, c = 0, e = 0;
            int d = 0;
            for (; d + 3 < dims; d += 4) {
                a += query[d] * vectors[off + d];
                b += query[d + 1] * vectors[off + d + 1];
                c += query[d + 2] * vectors[off + d + 2];
                e += query[d + 3] * vectors[off + d + 3];
            }
            for (; d < dims; d++) {
                a += query[d] * vectors[off + d];
            }
            s[r] = (a + b) + (c + e);
        }
        return s;
    }

    /** Without the rows of these texts ({@code String.hashCode} of the normalized text): for cross-validation. */
    public EmbeddingIndex without(java.util.Set<Integer> textHashes) {
        // the probe learnt from the left-out texts too: it goes with them
        return keeping(row -> !textHashes.contains(row.textHash()), null);
    }

    private EmbeddingIndex keeping(java.util.function.Predicate<Row> keep, EmbeddingProbe keptProbe) {
        List<Row> kept = new ArrayList<>();
        float[] v = new float[vectors.length];
        for (int r = 0; r < rows.size(); r++) {
            if (keep.test(rows.get(r))) {
                System.arraycopy(vectors, r * dims, v, kept.size() * dims, dims);
                kept.add(rows.get(r));
            }
        }
        return new EmbeddingIndex(kept, java.util.Arrays.copyOf(v, kept.size() * dims), dims, keptProbe);
    }

    /**
     * Only the rows still true for {@code library}: a user template that replaces a shipped one
     * (same id, other content) loses the shipped vectors; user templates have none (their
     * phrasings are left to the lexical classifier). Examples without a template stay.
     */
    public EmbeddingIndex restrictedTo(TemplateLibrary library) {
        TemplateLibrary shipped = TemplateLibrary.shipped();
        // the probe knows categories, not templates: it stays true whatever templates the user has
        return keeping(row -> row.templateId() == null || (library.get(row.templateId()).isPresent()
                && Objects.equals(library.get(row.templateId()), shipped.get(row.templateId()))), probe);
    }
}
