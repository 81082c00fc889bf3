package dev.cuecard.asr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.Model;

/** One loaded Vosk model, shared by the recognizers of all channels (Vosk allows that across threads). */
public final class SpeechModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpeechModel.class);

    /** Below Kaldi's error level (-2): native errors would bypass our one-line messages. */
    private static final int QUIET = -3;

    private final Path dir;
    private final Model model;
    private final CompletableFuture<ModelVocabulary> vocabulary;
    /** Makes the threads that read the word list and make recognizers ahead. */
    private final ThreadFactory threads;
    /** Grammar → its recognizers made ahead (the keyword spotter's). */
    private final Map<String, PreparedRecognizers> grammars = new ConcurrentHashMap<>();
    /** Recognizers with the model's own language model, made ahead. Guarded by this. */
    private PreparedRecognizers plain;
    /** Whether a recognizer has been made from this model: its decoding graph loaded. */
    private volatile boolean decodable;
    /** Set by {@link #close()}: nothing is made from the model any more. Guarded by this. */
    private boolean closed;

    private SpeechModel(Path dir, Model model, CompletableFuture<ModelVocabulary> vocabulary, ThreadFactory threads) {
        this.dir = dir;
        this.model = model;
        this.vocabulary = vocabulary;
        this.threads = threads;
    }

    /**
     * Loads a model folder already checked by {@link ModelLocator}.
     *
     * @param threads makes the threads that read its word list and make grammar recognizers ahead
     */
    public static SpeechModel load(Path dir, ThreadFactory threads) throws ModelException {
        ModelLocator.check(dir);
        long t0 = System.nanoTime();
        try {
            // Kaldi's own lines would go straight to stderr and break the CLI's one-line contract
            LibVosk.vosk_set_log_level(QUIET);
            // the word list (~0.3 s for the small model; the first session's keyword spotter needs it)
            // is read on the other core while Vosk loads the model, not after it, when a session starts
            CompletableFuture<ModelVocabulary> vocabulary = new CompletableFuture<>();
            Thread words = threads.newThread(() -> {
                try {
                    vocabulary.complete(ModelVocabulary.of(dir));
                } catch (Throwable e) { // never leave a session waiting for it
                    vocabulary.completeExceptionally(e);
                    throw e;
                }
            });
            words.start();
            Model model = new Model(dir.toString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            LOG.info("speech model {} loaded in {} ms", dir, ms);
            return new SpeechModel(dir, model, vocabulary, threads);
        } catch (IOException e) {
            throw new ModelException("speech model at " + dir + " could not be loaded (" + e.getMessage()
                    + "); unpack a Vosk model there again, or run 'mvn package' for the bundled one");
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new ModelException("the Vosk native library could not be loaded on this platform ("
                    + e.getMessage() + "); Vosk supports Linux x86-64, Windows x64 and macOS");
        }
    }

    /** Convenience: locate then load. */
    public static SpeechModel locateAndLoad(java.util.Optional<Path> explicit, ThreadFactory threads) throws ModelException {
        return load(ModelLocator.locate(explicit), threads);
    }

    public Path dir() {
        return dir;
    }

    /** The words the model can output (read beside the model's load). */
    public ModelVocabulary vocabulary() {
        try {
            return vocabulary.join();
        } catch (java.util.concurrent.CompletionException e) {
            return ModelVocabulary.empty(); // as for an unreadable word list: no grammar spotting
        }
    }

    Model vosk() {
        return model;
    }

    /** The recognizers of a grammar, made ahead from the first call on. */
    PreparedRecognizers grammar(String grammar) {
        PreparedRecognizers p = grammars.computeIfAbsent(grammar,
                g -> new PreparedRecognizers(model, g, threads, this::checkDecodable));
        synchronized (this) {
            if (closed) {
                // asked for after close (the keyword spotter is readied once the classifier is, which can
                // be after the app quit): a recognizer built from the freed model crashed the JVM (SIGSEGV)
                p.close();
            }
        }
        return p;
    }

    /** The grammars asked for so far (tests). */
    java.util.Collection<PreparedRecognizers> grammars() {
        return grammars.values();
    }

    /**
     * Throws when no recognizer can be made from this model because its decoding graph did not load
     * (a graph file missing or damaged). Checked with a plain recognizer, kept made ahead for the
     * session, before any grammar recognizer: where a plain one fails with an error, Vosk makes a
     * grammar one without a graph and crashes the whole process (SIGSEGV) when it starts decoding.
     */
    void checkDecodable() throws IOException {
        if (decodable) {
            return;
        }
        try {
            plain().check();
        } catch (IOException e) {
            throw new IOException("the model's decoding graph (graph/HCLr.fst with graph/Gr.fst, or graph/HCLG.fst) "
                    + "is missing or damaged (" + e.getMessage() + "); unpack a Vosk model there again, or run "
                    + "'mvn package' for the bundled one", e);
        }
        decodable = true;
    }

    /** Starts making a recognizer ahead, so the next session's first one is ready (~75 ms). */
    public void prepareRecognizer() {
        plain().prepare();
    }

    /** Recognizers with the model's own language model, made ahead from the first call on. */
    synchronized PreparedRecognizers plain() {
        if (plain == null) {
            plain = new PreparedRecognizers(model, null, threads);
            if (closed) {
                plain.close();
            }
        }
        return plain;
    }

    /** Closes the recognizers made ahead (waiting for any being made), then frees the model. */
    @Override
    public void close() {
        PreparedRecognizers p;
        synchronized (this) {
            closed = true; // first: a grammar or plain recognizer asked for from now on is made closed
            p = plain;
        }
        grammars.values().forEach(PreparedRecognizers::close);
        if (p != null) {
            p.close();
        }
        model.close();
    }
}
