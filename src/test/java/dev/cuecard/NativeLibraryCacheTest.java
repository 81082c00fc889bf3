package dev.cuecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class NativeLibraryCacheTest {
    private final Map<String, String> before = new java.util.HashMap<>();

    @BeforeEach
    void remember() {
        for (String p : List.of(NativeLibraryCache.JNA_BOOT_PATH, NativeLibraryCache.JNA_LIBRARY_PATH)) {
            before.put(p, System.getProperty(p));
            System.clearProperty(p);
        }
    }

    @AfterEach
    void restore() {
        before.forEach((p, v) -> {
            if (v == null) {
                System.clearProperty(p);
            } else {
                System.setProperty(p, v);
            }
        });
    }

    @Test
    void jnaAndVoskAreLoadedFromOneCopyEachInTheCacheMadeOnce(@TempDir Path cache) throws Exception {
        NativeLibraryCache.use(cache);
        Path jna = Path.of(System.getProperty(NativeLibraryCache.JNA_BOOT_PATH));
        Path vosk = Path.of(System.getProperty(NativeLibraryCache.JNA_LIBRARY_PATH));
        assertThat(jna).startsWith(cache.resolve("native"));
        assertThat(vosk).startsWith(cache.resolve("native"));
        Path voskLib = vosk.resolve(System.mapLibraryName("vosk"));
        assertThat(Files.size(voskLib)).isGreaterThan(1_000_000);
        assertThat(jna.resolve(System.mapLibraryName("jnidispatch").replace(".dylib", ".jnilib"))).isRegularFile();
        long made = Files.getLastModifiedTime(voskLib).toMillis();

        remember();
        Thread.sleep(20);
        NativeLibraryCache.use(cache);
        assertThat(Path.of(System.getProperty(NativeLibraryCache.JNA_LIBRARY_PATH))).isEqualTo(vosk);
        assertThat(Files.getLastModifiedTime(voskLib).toMillis()).isEqualTo(made); // reused, not copied again
    }

    @Test
    void pathsTheUserChoseAreKept(@TempDir Path cache) {
        System.setProperty(NativeLibraryCache.JNA_BOOT_PATH, "/somewhere/else");
        System.setProperty(NativeLibraryCache.JNA_LIBRARY_PATH, "/my/libs");
        NativeLibraryCache.use(cache);
        assertThat(System.getProperty(NativeLibraryCache.JNA_BOOT_PATH)).isEqualTo("/somewhere/else");
        assertThat(System.getProperty(NativeLibraryCache.JNA_LIBRARY_PATH)).isEqualTo("/my/libs");
    }

    @Test
    void aResourceThatIsNotThereLeavesJnaToItsOwnWays(@TempDir Path cache) {
        assertThat(NativeLibraryCache.cachedCopy(cache, "none", List.of("/no/such/libx.so"))).isEmpty();
    }
}
