package dev.cuecard.question;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Quantized all-MiniLM-L6-v2 on ONNX Runtime, in process and offline (the model is a jar
 * resource). The only class that touches langchain4j's embedding module, ONNX Runtime or DJL.
 */
final class OnnxSentenceEmbedder implements SentenceEmbedder {
    /** Identifies the vectors' space: stored with build-time vectors so another model is noticed. */
    public static final String MODEL_ID = "all-minilm-l6-v2-q";
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private final Model model;

    private OnnxSentenceEmbedder(Model model) {
        this.model = model;
    }

    /**
     * Loads the shipped model (~1–3 s; call off the FX thread, once).
     *
     * @param cacheDir where DJL unpacks its tokenizer library (else it writes {@code ~/.djl.ai})
     */
    public static OnnxSentenceEmbedder load(Path cacheDir) throws EmbeddingUnavailable {
        return load(MODEL, TOKENIZER, cacheDir);
    }

    static OnnxSentenceEmbedder load(String modelResource, String tokenizerResource, Path cacheDir)
            throws EmbeddingUnavailable {
        configureDjl(cacheDir);
        try (InputStream m = OnnxSentenceEmbedder.class.getResourceAsStream(modelResource);
             InputStream t = OnnxSentenceEmbedder.class.getResourceAsStream(tokenizerResource)) {
            if (m == null || t == null) {
                throw new EmbeddingUnavailable("embedding model " + (m == null ? modelResource : tokenizerResource)
                        + " is missing from the build");
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession session;
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                // one thread per call: for a short sentence ORT's default pool (one spinning thread
                // per core) took ~3x the time and ~2.5x the CPU here, CPU that Vosk needs
                options.setIntraOpNumThreads(1);
                session = env.createSession(m.readAllBytes(), options);
            }
            OnnxSentenceEmbedder embedder = new OnnxSentenceEmbedder(
                    new Model(new OnnxBertBiEncoder(env, session, t, PoolingMode.MEAN)));
            if (embedder.embed("hello").length != DIMENSIONS) {
                throw new EmbeddingUnavailable("embedding model " + modelResource + " does not give "
                        + DIMENSIONS + " dimensions");
            }
            return embedder;
        } catch (IOException | OrtException | RuntimeException | LinkageError | AssertionError e) {
            // a corrupt model is an OrtException; a missing native library an UnsatisfiedLinkError;
            // DJL asserts (AssertionError) when its jar lacks the tokenizer's properties
            throw new EmbeddingUnavailable("embedding model cannot be loaded: " + rootMessage(e), e);
        }
    }

    /**
     * DJL reads these at load: the cache dir (unpacked native tokenizer) in our data folder, not
     * the home folder or a shared temp dir another user could plant a library in; offline so it
     * never tries to download a native library it cannot find in its jar. An explicit setting wins.
     */
    private static void configureDjl(Path cacheDir) {
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", cacheDir.resolve("djl").toAbsolutePath().toString());
        }
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }

    /** Blank text has no meaning: all zeros, cosine 0 with everything. */
    @Override
    public float[] embed(String text) {
        if (text == null || text.isBlank()) {
            return new float[DIMENSIONS];
        }
        float[] v = model.embed(text).content().vector();
        // the encoder normalises already; once more keeps the contract if that ever changes
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    /** langchain4j's in-process model on our encoder; same-thread executor, so no unnamed pool. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
