package dev.cuecard.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuecard.config.AppPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real quantized MiniLM model, loaded once for the class. */
class OnnxSentenceEmbedderTest {
    static final Path CACHE = AppPaths.fromEnvironment().cacheDir();
    static SentenceEmbedder embedder;

    @BeforeAll
    static void load() throws EmbeddingUnavailable {
        embedder = OnnxSentenceEmbedder.load(CACHE);
    }

    static double cos(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void vectorsHave384NormalisedDimensions() {
        float[] v = embedder.embed("how would you design a rate limiter");
        assertThat(v).hasSize(SentenceEmbedder.DIMENSIONS);
        assertThat(cos(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(embedder.embed("  ")).containsOnly(0f);
    }

    @Test
    void aParaphraseIsCloserThanAnUnrelatedSentence() {
        float[] q = embedder.embed("how would you design a rate limiter for an api");
        float[] paraphrase = embedder.embed("how do you throttle the number of requests a client can send");
        float[] unrelated = embedder.embed("tell me about a time you disagreed with your manager");
        assertThat(cos(q, paraphrase)).isGreaterThan(cos(q, unrelated) + 0.15);

        float[] gc = embedder.embed("how does garbage collection work in the jvm");
        float[] gcParaphrase = embedder.embed("explain how java frees memory that is no longer used");
        float[] weather = embedder.embed("is it still raining where you are");
        assertThat(cos(gc, gcParaphrase)).isGreaterThan(cos(gc, weather) + 0.15);
    }

    @Test
    void threadsGetTheSameVectorsAsOneThread() throws Exception {
        List<String> texts = List.of("what is a deadlock", "design a chat system", "how was your weekend",
                "explain eventual consistency", "when would you use a bloom filter", "what is a memory leak");
        List<float[]> serial = texts.stream().map(embedder::embed).toList();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<float[]>> parallel = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (String t : texts) {
                    parallel.add(pool.submit(() -> embedder.embed(t)));
                }
            }
            for (int i = 0; i < parallel.size(); i++) {
                assertThat(parallel.get(i).get()).containsExactly(serial.get(i % texts.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void djlUnpacksItsLibraryUnderOurCacheNotTheHomeFolder() {
        // the shipped model is set up once per process, possibly by an earlier test with its own data folder
        Path djl = Path.of(System.getProperty("DJL_CACHE_DIR"));
        assertThat(djl.getFileName().toString()).isEqualTo("djl");
        assertThat(djl.getParent().getFileName().toString()).isEqualTo("cache");
        assertThat(djl.startsWith(Path.of(System.getProperty("user.home"), ".djl.ai"))).isFalse();
        if (djl.startsWith(CACHE)) { // else an earlier test's temporary data folder, deleted since
            assertThat(djl.resolve("tokenizers")).isDirectory();
        }
    }

    @Test
    void onnxRuntimesLibrariesAndTheModelAreUnpackedOnceIntoOurCache() throws java.io.IOException {
        Path natives = Path.of(System.getProperty("onnxruntime.native.path"));
        Path cache = natives.getParent().getParent(); // <cache>/onnxruntime/<version-platform>
        assertThat(cache.getFileName().toString()).isEqualTo("cache");
        assertThat(natives.getParent().getFileName().toString()).isEqualTo("onnxruntime");
        if (!natives.startsWith(CACHE)) {
            return; // set up by an earlier test in its temporary data folder, deleted since
        }
        assertThat(natives.resolve(System.mapLibraryName("onnxruntime"))).isRegularFile();
        try (var models = java.nio.file.Files.list(cache.resolve("embedding"))) {
            assertThat(models.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("all-minilm-l6-v2-q-") && n.endsWith(".onnx"));
        }
    }

    @Test
    void aMissingModelIsAOneLineReason() {
        assertThatThrownBy(() -> OnnxSentenceEmbedder.load("/no-such-model.onnx",
                "/all-minilm-l6-v2-q-tokenizer.json", CACHE))
                .isInstanceOf(EmbeddingUnavailable.class)
                .hasMessage("embedding model /no-such-model.onnx is missing from the build");
    }

    @Test
    void aCorruptModelIsAOneLineReason() {
        assertThatThrownBy(() -> OnnxSentenceEmbedder.load("/dev/cuecard/question/not-a-model.onnx",
                "/all-minilm-l6-v2-q-tokenizer.json", CACHE))
                .isInstanceOf(EmbeddingUnavailable.class)
                .hasMessageStartingWith("embedding model cannot be loaded: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
