package dev.cuecard.testing;

import dev.cuecard.asr.ModelException;
import dev.cuecard.asr.SpeechModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The committed speech fixtures (made by scripts/make-speech-fixtures.sh) and one shared real model. */
public final class SpeechFixtures {
    private static SpeechModel model;

    /** One fixture: its file and what was said. */
    public record Fixture(String name, String voice, String text, Path wav) {
    }

    private SpeechFixtures() {
    }

    public static Path dir() {
        try {
            return Path.of(SpeechFixtures.class.getResource("/speech/fixtures.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path wav(String name) {
        return dir().resolve(name + ".wav");
    }

    public static List<Fixture> all() {
        try {
            List<Fixture> list = new ArrayList<>();
            for (String line : Files.readAllLines(dir().resolve("fixtures.tsv"))) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                list.add(new Fixture(f[0], f[1], f[2], wav(f[0])));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Fixture get(String name) {
        return all().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** The bundled model, loaded once per test JVM (loading takes ~1 s); never closed. */
    public static synchronized SpeechModel model() {
        if (model == null) {
            try {
                model = SpeechModel.locateAndLoad(Optional.empty(), new dev.cuecard.pipeline.NamedThreadFactory("speech-model"));
            } catch (ModelException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return model;
    }
}
