package dev.cuecard.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuecard.config.AppPaths;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The build-time vectors resource with the real model, loaded once for the class. */
class EmbeddingIndexTest {
    static SentenceEmbedder embedder;
    static EmbeddingIndex index;
    static PhrasingSet phrasings;

    @BeforeAll
    static void load() throws EmbeddingUnavailable {
        embedder = OnnxSentenceEmbedder.load(AppPaths.fromEnvironment().cacheDir());
        phrasings = PhrasingSet.shipped();
        index = EmbeddingIndex.shipped();
    }

    static byte[] shippedBytes() throws Exception {
        try (InputStream in = EmbeddingIndex.class.getResourceAsStream(PhrasingVectors.RESOURCE)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theBuildTimeResourceHoldsEveryShippedPhrasing() {
        assertThat(index.size()).isEqualTo(phrasings.phrasings().size()).isGreaterThan(1000);
        assertThat(index.dimensions()).isEqualTo(SentenceEmbedder.DIMENSIONS);
        for (int i = 0; i < index.size(); i++) {
            PhrasingSet.Phrasing p = phrasings.phrasings().get(i);
            assertThat(index.rows().get(i)).isEqualTo(new EmbeddingIndex.Row(p.category(), p.templateId(),
                    p.text().hashCode()));
        }
    }

    @Test
    void storedVectorsAreTheModelsVectorsOfTheirTexts() {
        for (int i = 0; i < phrasings.phrasings().size(); i += 97) {
            PhrasingSet.Phrasing p = phrasings.phrasings().get(i);
            EmbeddingIndex.Neighbour top = index.nearest(embedder.embed(p.text()), null, 1).get(0);
            assertThat(top.textHash()).as(p.text()).isEqualTo(p.text().hashCode());
            assertThat(top.cosine()).as(p.text()).isGreaterThan(0.995);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "how would you design a url shortening service like bitly | system_design",
        "when would you pick a nosql database over postgres | databases",
        "what is a deadlock and how do you prevent one | concurrency",
        "tell me about a time you disagreed with your manager | behavioral",
        "how does garbage collection work in the jvm | language_runtime",
        "how do you keep a cache consistent when the underlying data changes | caching",
        "how would you version a rest api without breaking clients | api_design",
        "so how was your weekend did you do anything fun | none",
    })
    void clearQuestionsHaveANearestNeighbourOfTheirCategory(String question, String category) {
        float[] q = embedder.embed(TextNormalizer.normalize(question));
        List<EmbeddingIndex.Neighbour> top = index.nearest(q, null, 5);
        assertThat(top).hasSize(5);
        assertThat(top.get(0).category().id()).as(top.toString()).isEqualTo(category);
        assertThat(top).isSortedAccordingTo((a, b) -> Double.compare(b.cosine(), a.cosine()));
        Map<Category, EmbeddingIndex.CategorySimilarity> byCategory = index.byCategory(q, 3);
        assertThat(byCategory).containsOnlyKeys(Category.values());
        assertThat(byCategory.get(top.get(0).category()).best()).isEqualTo(top.get(0).cosine());
    }

    @Test
    void aCategoryFilterKeepsOnlyThatCategory() {
        float[] q = embedder.embed("how would you design a rate limiter");
        List<EmbeddingIndex.Neighbour> caching = index.nearest(q, Category.CACHING, 7);
        assertThat(caching).hasSize(7).allMatch(n -> n.category() == Category.CACHING);
        assertThat(index.nearest(q, null, 0)).isEmpty();
    }

    @Test
    void vectorsMadeFromOtherTextsAreRefusedAsStale() throws Exception {
        byte[] other = phrasings.sourceHash();
        other[0] ^= 1;
        assertThatThrownBy(() -> PhrasingVectors.read(new ByteArrayInputStream(shippedBytes()), other))
                .isInstanceOf(EmbeddingUnavailable.class)
                .hasMessage("phrasing vectors are stale (templates or examples changed since the build): rebuild");
    }

    @Test
    void theShippedVectorsCarryThisBuildsInputStampSoStartUpNeedNotRebuildTheTexts() throws Exception {
        assertThat(phrasings.inputStamp()).isEqualTo(PhrasingSet.filesStamp()).isNotEqualTo(PhrasingSet.NO_STAMP);
        assertThat(PhrasingVectors.inputStampOf(java.nio.file.Path.of(EmbeddingIndex.class
                .getResource(PhrasingVectors.RESOURCE).toURI()))).hasValue(PhrasingSet.filesStamp());
        java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Supplier<PhrasingSet> texts = () -> {
            built.incrementAndGet();
            return phrasings;
        };
        // the stamp fits: the texts are never built
        EmbeddingIndex fast = PhrasingVectors.read(new ByteArrayInputStream(shippedBytes()), PhrasingSet.filesStamp(),
                texts);
        assertThat(built).hasValue(0);
        assertThat(fast.size()).isEqualTo(phrasings.phrasings().size());
        // another stamp (files changed since): the full check decides, and still accepts the same texts
        byte[] otherStamp = PhrasingSet.filesStamp();
        otherStamp[0] ^= 1;
        assertThat(PhrasingVectors.read(new ByteArrayInputStream(shippedBytes()), otherStamp, texts).size())
                .isEqualTo(fast.size());
        assertThat(built).hasValue(1);
        // … and refuses other texts
        byte[] otherHash = phrasings.sourceHash();
        otherHash[0] ^= 1;
        PhrasingSet changed = new PhrasingSet(phrasings.phrasings(), otherHash);
        assertThatThrownBy(() -> PhrasingVectors.read(new ByteArrayInputStream(shippedBytes()), otherStamp,
                () -> changed)).isInstanceOf(EmbeddingUnavailable.class).hasMessageContaining("stale");
    }

    @Test
    void corruptVectorsGiveAOneLineReason() throws Exception {
        byte[] ok = shippedBytes();
        assertThatThrownBy(() -> PhrasingVectors.read(new ByteArrayInputStream(Arrays.copyOf(ok, ok.length - 100)),
                phrasings.sourceHash()))
                .isInstanceOf(EmbeddingUnavailable.class).hasMessage("phrasing vectors are corrupt (cut short)");
        assertThatThrownBy(() -> PhrasingVectors.read(new ByteArrayInputStream("not vectors".getBytes()),
                phrasings.sourceHash()))
                .isInstanceOf(EmbeddingUnavailable.class)
                .hasMessage("phrasing vectors are corrupt (not a vectors file)");
        assertThatThrownBy(() -> PhrasingVectors.read(new ByteArrayInputStream(new byte[0]), phrasings.sourceHash()))
                .isInstanceOf(EmbeddingUnavailable.class).hasMessage("phrasing vectors are corrupt (cut short)");
    }

    /** The first {@code n} shipped phrasings, their vectors, and what a file written from them reads back as. */
    private record RoundTrip(List<PhrasingSet.Phrasing> rows, float[][] vectors, EmbeddingIndex read) {
        static RoundTrip of(int n) throws Exception {
            List<PhrasingSet.Phrasing> rows = phrasings.phrasings().subList(0, n);
            PhrasingSet small = new PhrasingSet(rows, PhrasingSet.hash(rows));
            float[][] vectors = rows.stream().map(p -> embedder.embed(p.text())).toArray(float[][]::new);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PhrasingVectors.write(out, small, vectors);
            return new RoundTrip(rows, vectors, PhrasingVectors.read(new ByteArrayInputStream(out.toByteArray()),
                    small.sourceHash()));
        }
    }

    @Test
    void writtenVectorsReadBackWithinQuantisationError() throws Exception {
        RoundTrip t = RoundTrip.of(40);
        EmbeddingIndex read = t.read();
        float[][] vectors = t.vectors();
        assertThat(read.size()).isEqualTo(40);
        for (int i = 0; i < 40; i++) {
            double cosine = read.nearest(vectors[i], null, 1).get(0).cosine();
            assertThat(cosine).isGreaterThan(0.999);
        }
    }

    @Test
    void theProbeIsStoredWithTheVectorsAndReadsBackAsTrained() throws Exception {
        RoundTrip t = RoundTrip.of(60);
        List<PhrasingSet.Phrasing> rows = t.rows();
        float[][] vectors = t.vectors();
        EmbeddingIndex read = t.read();
        EmbeddingProbe stored = read.probe().orElseThrow();
        // trained on the rows as read back, so training on the read index gives the same probe (to float32)
        EmbeddingProbe again = EmbeddingProbe.train(new EmbeddingIndex(read.rows(), flat(read), read.dimensions()));
        for (float[] v : vectors) {
            assertThat(stored.probabilities(v)).containsExactly(again.probabilities(v),
                    org.assertj.core.data.Offset.offset(1e-4));
        }
        // a probe that learnt its rows puts most of them in their own category
        long right = java.util.stream.IntStream.range(0, rows.size()).filter(i -> argmax(stored.probabilities(vectors[i]))
                == rows.get(i).category().ordinal()).count();
        assertThat(right).isGreaterThan(rows.size() * 8 / 10);
        // the cross-validation copy must not keep a probe that saw the left-out texts
        assertThat(read.without(java.util.Set.of(rows.get(0).text().hashCode())).probe()).isEmpty();
        assertThat(index.probe()).as("the shipped vectors carry their probe").isPresent();
    }

    private static float[] flat(EmbeddingIndex index) {
        float[] all = new float[index.size() * index.dimensions()];
        float[] row = new float[index.dimensions()];
        for (int r = 0; r < index.size(); r++) {
            index.vector(r, row);
            System.arraycopy(row, 0, all, r * row.length, row.length);
        }
        return all;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void aUserTemplateReplacingAShippedOneDropsItsShippedVectors() {
        TemplateLibrary shipped = TemplateLibrary.shipped();
        Template replaced = shipped.all().iterator().next();
        List<Template> user = new ArrayList<>(shipped.all());
        user.set(0, new Template(replaced.id(), replaced.category(), replaced.title(), List.of("my own phrasing"),
                replaced.keywords(), replaced.card(), "/home/me/templates/mine.yaml:1"));
        EmbeddingIndex restricted = index.restrictedTo(TemplateLibrary.of(user));
        assertThat(restricted.rows()).noneMatch(r -> replaced.id().equals(r.templateId()));
        long replacedRows = index.rows().stream().filter(r -> replaced.id().equals(r.templateId())).count();
        assertThat(replacedRows).isPositive();
        assertThat(restricted.size()).isEqualTo(index.size() - (int) replacedRows);
        assertThat(index.restrictedTo(shipped).size()).isEqualTo(index.size());
    }
}
