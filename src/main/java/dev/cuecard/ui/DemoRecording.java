package dev.cuecard.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The bundled mock interview (generated speech), copied out of the jar so it can be replayed as files. */
final class DemoRecording {
    record Files2(Path them, Path me) {
    }

    private DemoRecording() {
    }

    static Files2 extract() throws IOException {
        Path dir = Files.createTempDirectory("cuecard-demo");
        dir.toFile().deleteOnExit();
        return new Files2(copy("demo-them.wav", dir), copy("demo-me.wav", dir));
    }

    private static Path copy(String name, Path dir) throws IOException {
        try (InputStream in = DemoRecording.class.getResourceAsStream("/dev/cuecard/demo/" + name)) {
            if (in == null) {
                throw new IOException("the demo recording " + name + " is missing from this build");
            }
            Path f = dir.resolve(name);
            Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
            f.toFile().deleteOnExit();
            return f;
        }
    }
}
