package dev.cuecard.ui.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder the Markdown export's save dialog opens in: never the folder the app was started from. */
class ExportFolderTest {
    @TempDir
    Path home;

    @Test
    void theLastExportsFolderThenDocumentsThenHome() throws Exception {
        assertThat(DebriefView.exportFolder(Optional.empty(), home)).isEqualTo(home);
        Path documents = Files.createDirectory(home.resolve("Documents"));
        assertThat(DebriefView.exportFolder(Optional.empty(), home)).isEqualTo(documents);
        Path notes = Files.createDirectories(home.resolve("notes/interviews"));
        assertThat(DebriefView.exportFolder(Optional.of(notes), home)).isEqualTo(notes);
        assertThat(DebriefView.exportFolder(Optional.of(home.resolve("gone")), home)).as("a folder since removed")
                .isEqualTo(documents);
    }
}
