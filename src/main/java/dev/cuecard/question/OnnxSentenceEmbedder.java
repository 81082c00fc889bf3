package dev.cuecard.question;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.cuecard.config.UnpackedResource;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Quantized all-MiniLM-L6-v2 on ONNX Runtime, in process and offline (the model is a jar
 * resource). The only class that touches langchain4j's embedding module, ONNX Runtime or DJL.
 */
final class OnnxSentenceEmbedder implements SentenceEmbedder {
    /** Identifies the vectors' space: stored with build-time vectors so another model is noticed. */
    public static final String MODEL_ID = "all-minilm-l6-v2-q";
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OnnxSentenceEmbedder.class);
    private static final String ORT_NATIVE_PATH = "onnxruntime.native.path";

    private final Model model;
    private final String modelId;

    private OnnxSentenceEmbedder(Model model, String modelId) {
        this.model = model;
        this.modelId = modelId;
    }

    @Override
    public String modelId() {
        return modelId;
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
        configureOrt(cacheDir);
        try (InputStream t = OnnxSentenceEmbedder.class.getResourceAsStream(tokenizerResource)) {
            Optional<UnpackedResource> m = UnpackedResource.find(modelResource);
            if (m.isEmpty() || t == null) {
                throw new EmbeddingUnavailable("embedding model " + (m.isEmpty() ? modelResource : tokenizerResource)
                        + " is missing from the build");
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession session;
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                // one thread per call: for a short sentence ORT's default pool (one spinning thread
                // per core) took ~3x the time and ~2.5x the CPU here, CPU that Vosk needs
                options.setIntraOpNumThreads(1);
                // no arena (issue 14): ~18 MB less RSS in a two-channel session and no slower for one
                // sentence (median 2.8-3.3 vs 3.2-3.5 ms, BENCHMARKS.md); -Dcuecard.onnx.arena=true for comparison
                if (!Boolean.getBoolean("cuecard.onnx.arena")) {
                    options.setCPUArenaAllocator(false);
                    options.setMemoryPatternOptimization(false);
                }
                session = createSession(env, m.get(), modelFile(cacheDir, modelResource, m.get()), options);
            }
            String ort = OrtEnvironment.class.getPackage() == null ? null
                    : OrtEnvironment.class.getPackage().getImplementationVersion();
            OnnxSentenceEmbedder embedder = new OnnxSentenceEmbedder(
                    new Model(new OnnxBertBiEncoder(env, session, t, PoolingMode.MEAN)),
                    MODEL_ID + ":" + Long.toHexString(m.get().crc()) + "-" + m.get().size() + ":onnxruntime-" + ort);
            if (embedder.embed("hello").length != DIMENSIONS) {
                throw new EmbeddingUnavailable("embedding model " + modelResource + " does not give "
                        + DIMENSIONS + " dimensions");
            }
            return embedder;
        } catch (IOException | OrtException | RuntimeException | LinkageError | AssertionError e) {
            // a corrupt model is an OrtException; a missing native library an UnsatisfiedLinkError;
            // DJL asserts (AssertionError) when its jar lacks the tokenizer's properties
            throw new EmbeddingUnavailable("embedding model cannot be loaded: " + cacheProblem(cacheDir)
                    .orElseGet(() -> rootMessage(e)), e);
        }
    }

    /**
     * A cache folder that cannot take the unpacked libraries (~40 MB) is the likely cause, whatever the
     * library then says ("Unexpected flavor: cpu" from the tokenizer's loader): said in words a user can act on.
     */
    private static Optional<String> cacheProblem(Path cacheDir) {
        try {
            Path dir = cacheDir.toAbsolutePath();
            while (dir != null && !java.nio.file.Files.exists(dir)) {
                dir = dir.getParent();
            }
            if (dir == null) {
                return Optional.empty();
            }
            if (!java.nio.file.Files.isDirectory(dir)) {
                return Optional.of("the cache folder " + cacheDir + (dir.equals(cacheDir.toAbsolutePath()) ? "" : " (" + dir + ")")
                        + " is a file, not a folder; move the file away or set CUECARD_HOME to another folder");
            }
            if (!java.nio.file.Files.isWritable(dir)) {
                return Optional.of("the cache folder " + cacheDir + " cannot be written; make it writable or set "
                        + "CUECARD_HOME to a folder you can write");
            }
            if (java.nio.file.Files.getFileStore(dir).getUsableSpace() < 64L << 20) {
                return Optional.of("the disk that holds the cache folder " + cacheDir + " is full; free some space "
                        + "(the cache is made again at the next start)");
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
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

    /** From a file (unpacked once into the cache), not inflated from the jar at every start; else from the jar. */
    private static OrtSession createSession(OrtEnvironment env, UnpackedResource model, Path unpacked,
                                            OrtSession.SessionOptions options) throws IOException, OrtException {
        Path file;
        try {
            file = model.unpackTo(unpacked);
        } catch (IOException e) {
            LOG.warn("the embedding model could not be kept in {} ({}): read from the jar", unpacked, e.getMessage());
            try (InputStream in = model.url().openStream()) {
                return env.createSession(in.readAllBytes(), options);
            }
        }
        return env.createSession(file.toString(), options);
    }

    /** Where a model resource is unpacked: its name with the jar entry's CRC, so another model gets another file. */
    private static Path modelFile(Path cacheDir, String resource, UnpackedResource r) {
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return cacheDir.resolve("embedding").resolve(stem + "-" + Long.toHexString(r.crc()) + (dot > 0
                ? name.substring(dot) : ""));
    }

    /**
     * ONNX Runtime unpacks its native libraries (~16 MB) from its jar into a new temporary folder at
     * every start unless {@code onnxruntime.native.path} names a folder holding them: unpack them
     * once into the cache (per version and platform) and name it. An explicit setting (the
     * installer's) wins; anything unexpected leaves ONNX Runtime to do as before.
     */
    private static void configureOrt(Path cacheDir) {
        if (System.getProperty(ORT_NATIVE_PATH) != null) {
            return;
        }
        String version = OrtEnvironment.class.getPackage() == null ? null
                : OrtEnvironment.class.getPackage().getImplementationVersion();
        Optional<String> platform = ortPlatform();
        if (version == null || platform.isEmpty()) {
            return;
        }
        Path dir = cacheDir.resolve("onnxruntime").resolve(version + "-" + platform.get()).toAbsolutePath();
        try {
            for (String library : List.of("onnxruntime", "onnxruntime4j_jni")) {
                String file = System.mapLibraryName(library);
                Optional<UnpackedResource> r = UnpackedResource.find(
                        "/ai/onnxruntime/native/" + platform.get() + "/" + file);
                if (r.isEmpty() || r.get().file().isPresent()) {
                    return;
                }
                r.get().unpackTo(dir.resolve(file));
            }
            System.setProperty(ORT_NATIVE_PATH, dir.toString());
        } catch (IOException e) {
            LOG.warn("ONNX Runtime's libraries could not be kept in {} ({}): unpacked at each start", dir,
                    e.getMessage());
        }
    }

    /** ONNX Runtime's name for this platform's folder in its jar ("linux-x64", "osx-aarch64", "win-x64"). */
    private static Optional<String> ortPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win"
                : os.contains("nux") ? "linux" : null;
        String a = arch.startsWith("amd64") || arch.startsWith("x86_64") ? "x64"
                : arch.startsWith("aarch64") ? "aarch64" : null;
        return o == null || a == null ? Optional.empty() : Optional.of(o + "-" + a);
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
