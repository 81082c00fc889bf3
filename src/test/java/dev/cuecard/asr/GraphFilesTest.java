package dev.cuecard.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuecard.testing.DataFolderProperty;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class GraphFilesTest {
    @TempDir
    Path home;
    @TempDir
    Path model;
    @RegisterExtension
    final DataFolderProperty dataFolder = new DataFolderProperty(() -> home);

    /**
     * Reading the graphs' tables cost ~60 ms of every start on the way to listening: a file found
     * sound is remembered in the data folder's cache by path, size and time — and a file cut at the
     * same path has another size, so it is read again and refused.
     */
    @Test
    void aSoundGraphIsRememberedAcrossRunsAndACutOneAtTheSamePathIsCheckedAgain() throws Exception {
        Path bundled = ModelLocator.locate(Optional.empty()).resolve("graph");
        Path graph = Files.createDirectories(model.resolve("graph"));
        for (String name : List.of("HCLr.fst", "Gr.fst")) {
            Files.createSymbolicLink(graph.resolve(name), bundled.resolve(name));
        }

        GraphFiles.check(model);

        List<String> remembered;
        try (Stream<Path> markers = Files.list(home.resolve("cache").resolve("checked-graphs"))) {
            remembered = markers.map(p -> read(p)).filter(k -> k.startsWith(graph.toString())).toList();
        }
        assertThat(remembered).hasSize(2); // (locating the bundled model remembered its own two)

        Files.delete(graph.resolve("HCLr.fst"));
        try (InputStream in = Files.newInputStream(bundled.resolve("HCLr.fst"))) {
            Files.write(graph.resolve("HCLr.fst"), in.readNBytes(100_000));
        }
        assertThatThrownBy(() -> GraphFiles.check(model)).isInstanceOf(ModelException.class)
                .hasMessageContaining("cut short");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
