package dev.cuecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.asr.ModelLocator;
import dev.cuecard.testing.SpeechFixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QA (polish 5): {@code transcribe} printed what was recognised as it was. The words come from the
 * speech model, and the model can be the user's own ({@code --model}, or {@code modelDir} in the
 * settings: a folder downloaded from anywhere). A word list holding a C1 control — U+009B is CSI,
 * an escape sequence's start in one character — reached the terminal. Vosk's JSON cannot carry
 * C0 controls (the adapter rejects such a reply), so a C1 control is what gets through.
 */
class RecognisedTextEscapedTest {
    @TempDir
    Path dir;

    /** The links to the bundled model's files removed here, so JUnit has none to warn about. */
    @AfterEach
    void unlinkModel() throws IOException {
        Path model = dir.resolve("model");
        if (Files.isDirectory(model)) {
            try (Stream<Path> files = Files.walk(model)) {
                for (Path f : files.filter(Files::isSymbolicLink).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    @Test
    void aWordWithAControlCharacterFromTheUsersModelIsPrintedEscaped() throws Exception {
        Path model = modelSayingOkayWithACsi(dir.resolve("model"));
        String wav = SpeechFixtures.wav("hear-me-slt").toString(); // "can you hear me okay let me share my screen"

        Run transcribe = run("transcribe", "--model", model.toString(), wav);
        assertThat(transcribe.exit()).as(transcribe.err()).isZero();
        assertThat(transcribe.out().strip()).isEqualTo("can you hear me o\\x9bk let me share my screen");

        Run replay = run("replay", "--offline", "--no-save", "--speed", "max", "--model", model.toString(), wav);
        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("  can you hear me o\\x9bk let me share my screen").doesNotContain("\u009b");
    }

    /**
     * The bundled model with one word of its word list changed: "okay" becomes "o", CSI, "k" (the
     * same 4 bytes in UTF-8, so the graph file's layout is unchanged). Everything else is linked.
     */
    private static Path modelSayingOkayWithACsi(Path to) throws IOException {
        Path bundled = Path.of(System.getProperty(ModelLocator.MODELS_DIR_PROPERTY)).resolve(ModelLocator.BUNDLED_NAME);
        try (Stream<Path> files = Files.walk(bundled)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(bundled.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().equals("Gr.fst")) {
                    Files.createSymbolicLink(target, f.toAbsolutePath());
                }
            }
        }
        byte[] graph = Files.readAllBytes(bundled.resolve("graph/Gr.fst"));
        byte[] word = {4, 0, 0, 0, 'o', 'k', 'a', 'y'}; // a symbol table entry: its length, then its bytes
        byte[] changed = {4, 0, 0, 0, 'o', (byte) 0xc2, (byte) 0x9b, 'k'};
        int replaced = 0;
        for (int i = 0; i + word.length <= graph.length; i++) {
            if (java.util.Arrays.equals(graph, i, i + word.length, word, 0, word.length)) {
                System.arraycopy(changed, 0, graph, i, changed.length);
                replaced++;
            }
        }
        assertThat(replaced).as("'okay' in the model's word list").isPositive();
        Files.write(to.resolve("graph/Gr.fst"), graph);
        assertThat(new String(changed, 4, 4, StandardCharsets.UTF_8)).isEqualTo("o\u009bk");
        return to;
    }

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0]), Map.of("CUECARD_HOME", dir.resolve("home").toString()))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
