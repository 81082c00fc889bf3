package dev.cuecard.asr;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which Vosk model folder to use: an explicit choice (--model or the settings file) or the
 * bundled English model that {@code mvn package} unpacks into {@code models/model-en-us}.
 */
public final class ModelLocator {
    public static final String BUNDLED_NAME = "model-en-us";
    /** Overrides the folder that holds bundled models (used by tests and the packaged app). */
    public static final String MODELS_DIR_PROPERTY = "cuecard.models.dir";

    private ModelLocator() {
    }

    /**
     * @param explicit a folder the user named, or empty for the bundled model
     * @return a folder that looks like a Vosk model
     */
    public static Path locate(Optional<Path> explicit) throws ModelException {
        if (explicit.isPresent()) {
            Path dir = explicit.get().toAbsolutePath().normalize();
            check(dir);
            return dir;
        }
        List<Path> tried = bundledCandidates();
        for (Path dir : tried) {
            if (Files.isDirectory(dir)) {
                check(dir);
                return dir;
            }
        }
        throw new ModelException("speech model not found (looked in " + String.join(", ", tried.stream().map(Path::toString).toList())
                + "); run 'mvn package' to unpack the bundled English model, or pass --model DIR");
    }

    static List<Path> bundledCandidates() {
        List<Path> dirs = new ArrayList<>();
        String prop = System.getProperty(MODELS_DIR_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            dirs.add(Path.of(prop, BUNDLED_NAME).toAbsolutePath().normalize());
        }
        appHome().ifPresent(home -> {
            dirs.add(home.resolve("models").resolve(BUNDLED_NAME));
            dirs.add(home.getParent() == null ? home : home.getParent().resolve("models").resolve(BUNDLED_NAME));
        });
        dirs.add(Path.of("models", BUNDLED_NAME).toAbsolutePath().normalize());
        return dirs.stream().map(Path::normalize).distinct().toList();
    }

    /** The folder holding the running jar (target/ in a build, the app dir in a package). */
    private static Optional<Path> appHome() {
        try {
            Path code = Path.of(ModelLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(code.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A Vosk model has an acoustic model and a feature config (say which is missing) and a decoding
     * graph that is not cut short or damaged (checked from its headers).
     */
    public static void check(Path dir) throws ModelException {
        if (!Files.isDirectory(dir)) {
            throw new ModelException("speech model folder " + dir + (Files.exists(dir) ? " is a file, not a folder"
                    : " does not exist") + "; run 'mvn package' for the bundled English model or point --model at an "
                    + "unpacked Vosk model");
        }
        for (String required : List.of("am/final.mdl", "conf/mfcc.conf")) {
            if (!Files.isRegularFile(dir.resolve(required))) {
                throw new ModelException("speech model at " + dir + " is incomplete (no " + required
                        + "); unpack a Vosk model there again, or run 'mvn package' for the bundled one");
            }
        }
        // before Vosk reads it: OpenFst would print its own errors about a damaged graph to stderr
        GraphFiles.check(dir);
    }
}
