package dev.cuecard.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLocatorTest {
    @TempDir
    Path tmp;

    @Test
    void bundledModelIsFoundAfterTheBuild() throws Exception {
        Path dir = ModelLocator.locate(Optional.empty());
        assertThat(dir.getFileName().toString()).isEqualTo("model-en-us");
        assertThat(dir.resolve("am/final.mdl")).isRegularFile();
    }

    @Test
    void missingFolderSaysWhereAndHow() {
        Path missing = tmp.resolve("nowhere");
        assertThatThrownBy(() -> ModelLocator.locate(Optional.of(missing)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("mvn package")
                .hasMessageNotContaining("\n");
    }

    @Test
    void incompleteFolderNamesTheMissingPart() throws Exception {
        Files.createDirectories(tmp.resolve("conf"));
        Files.writeString(tmp.resolve("conf/mfcc.conf"), "--sample-frequency=16000\n");
        assertThatThrownBy(() -> ModelLocator.locate(Optional.of(tmp)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("am/final.mdl");
    }

    @Test
    void corruptModelIsAnErrorNotANativeCrash() throws Exception {
        Files.createDirectories(tmp.resolve("am"));
        Files.createDirectories(tmp.resolve("conf"));
        Files.write(tmp.resolve("am/final.mdl"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Files.writeString(tmp.resolve("conf/mfcc.conf"), "--sample-frequency=16000\n");
        assertThatThrownBy(() -> SpeechModel.load(tmp, new dev.cuecard.pipeline.NamedThreadFactory("test-model")))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("could not be loaded");
    }
}
