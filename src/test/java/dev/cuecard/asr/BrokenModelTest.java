package dev.cuecard.asr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.testing.SpeechFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model folder whose decoding graph is damaged (an interrupted copy or unzip): Vosk loads it with
 * the graph missing, and a grammar recognizer made from it (the keyword spotter's) crashed the whole
 * JVM with SIGSEGV (exit 134, a JVM crash report) at the start of a replay. Run in a child JVM, as a
 * user runs it: a crash must not take the test run down with it.
 */
class BrokenModelTest {
    @TempDir
    Path dir;

    /** The bundled model, every file linked, but {@code graph} cut to its first {@code keep} bytes. */
    private Path modelWithDamagedGraph(String graph, int keep) throws Exception {
        Path bundled = ModelLocator.locate(java.util.Optional.empty());
        Path copy = dir.resolve("model");
        try (Stream<Path> files = Files.walk(bundled)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(bundled.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (bundled.relativize(f).toString().equals(graph)) {
                    byte[] head = new byte[keep];
                    try (var in = Files.newInputStream(f)) {
                        in.readNBytes(head, 0, head.length);
                    }
                    Files.write(target, head);
                } else {
                    Files.createSymbolicLink(target, f);
                }
            }
        }
        return copy;
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"graph/HCLr.fst, 100", "graph/HCLr.fst, 10000000",
            // cut inside the lookahead data after the FST it wraps: Vosk read it without a word and went on
            "graph/HCLr.fst, 22000000",
            "graph/Gr.fst, 12000000",
            // cut in its last weights, past what its label and weight arrays alone need: its bitmaps count too
            "graph/Gr.fst, 24000000"})
    void aReplayWithADamagedModelGraphIsOneLineAndExitOneNotAJvmCrash(String graph, int keep) throws Exception {
        Path model = modelWithDamagedGraph(graph, keep);
        Path home = dir.resolve("home");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dcuecard.home=" + home,
                "dev.cuecard.Main", "replay", "--speed", "max", "--model", model.toString(),
                SpeechFixtures.wav("rate-limiter-slt").toString())
                .directory(dir.toFile())
                .start();
        child.getOutputStream().close();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(out + err).isEqualTo(1);
        assertThat(out).doesNotContain("fatal error");
        // only our line: checked before Vosk reads the graph, so OpenFst's own "ERROR: … Read failed" lines
        // (written by native code straight to stderr) never appear
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).singleElement().asString().startsWith("cuecard: ").contains(model.toString())
                .contains("decoding graph " + graph).contains("cut short")
                .contains("unpack a Vosk model there again");
    }
}
