package dev.cuecard.asr;

import java.io.IOException;
import java.nio.file.Path;
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
    private volatile ModelVocabulary vocabulary;

    private SpeechModel(Path dir, Model model) {
        this.dir = dir;
        this.model = model;
    }

    /** Loads a model folder already checked by {@link ModelLocator}. */
    public static SpeechModel load(Path dir) throws ModelException {
        ModelLocator.check(dir);
        long t0 = System.nanoTime();
        try {
            // Kaldi's own lines would go straight to stderr and break the CLI's one-line contract
            LibVosk.vosk_set_log_level(QUIET);
            Model model = new Model(dir.toString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            LOG.info("speech model {} loaded in {} ms", dir, ms);
            return new SpeechModel(dir, model);
        } catch (IOException e) {
            throw new ModelException("speech model at " + dir + " could not be loaded (" + e.getMessage()
                    + "); unpack a Vosk model there again, or run 'mvn package' for the bundled one");
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new ModelException("the Vosk native library could not be loaded on this platform ("
                    + e.getMessage() + "); Vosk supports Linux x86-64, Windows x64 and macOS");
        }
    }

    /** Convenience: locate then load. */
    public static SpeechModel locateAndLoad(java.util.Optional<Path> explicit) throws ModelException {
        return load(ModelLocator.locate(explicit));
    }

    public Path dir() {
        return dir;
    }

    /** The words the model can output (read once, on first use: ~0.2 s for the small model). */
    public ModelVocabulary vocabulary() {
        ModelVocabulary v = vocabulary;
        if (v == null) {
            synchronized (this) {
                if (vocabulary == null) {
                    vocabulary = ModelVocabulary.of(dir);
                }
                v = vocabulary;
            }
        }
        return v;
    }

    Model vosk() {
        return model;
    }

    @Override
    public void close() {
        model.close();
    }
}
