package dev.cuecard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackedResourceTest {
    /** A resource inside a dependency's jar. */
    private static final String IN_A_JAR = "/org/slf4j/LoggerFactory.class";

    @TempDir
    Path cache;

    private static byte[] bytes(String resource) throws IOException {
        try (InputStream in = UnpackedResourceTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aResourceInAJarIsCopiedOnceAndReused() throws IOException {
        UnpackedResource r = UnpackedResource.find(IN_A_JAR).orElseThrow();
        assertThat(r.file()).isEmpty();
        assertThat(r.crc()).isNotEqualTo(-1);
        Path target = cache.resolve("x/LoggerFactory.class");
        assertThat(r.unpackTo(target)).isEqualTo(target);
        assertThat(Files.readAllBytes(target)).isEqualTo(bytes(IN_A_JAR));

        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(target, old);
        r.unpackTo(target);
        assertThat(Files.getLastModifiedTime(target)).as("not copied again").isEqualTo(old);

        Files.write(target, new byte[] {1, 2, 3});
        r.unpackTo(target);
        assertThat(Files.readAllBytes(target)).as("a copy of another size is made again").isEqualTo(bytes(IN_A_JAR));
        try (var files = Files.list(target.getParent())) {
            assertThat(files).as("no temporary files left").containsExactly(target);
        }
    }

    @Test
    void aResourceThatIsAFileIsUsedWhereItIs() throws IOException {
        UnpackedResource r = UnpackedResource.find("/devset/utterances.tsv").orElseThrow();
        assertThat(r.file()).isPresent();
        assertThat(r.unpackTo(cache.resolve("never"))).isEqualTo(r.file().get());
        assertThat(cache.resolve("never")).doesNotExist();
    }

    @Test
    void aMissingResourceIsEmpty() throws IOException {
        assertThat(UnpackedResource.find("/no/such/resource.bin")).isEmpty();
    }
}
