package dev.cuecard;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class NativeLibraryCacheTest {
    private final Map<String, String> before = new java.util.HashMap<>();

    @BeforeEach
    void remember() {
        for (String p : List.of(NativeLibraryCache.JNA_BOOT_PATH, NativeLibraryCache.JNA_LIBRARY_PATH,
                NativeLibraryCache.JNA_PLATFORM_PATH, NativeLibraryCache.SQLITE_PATH, NativeLibraryCache.SQLITE_NAME)) {
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
        System.setProperty(NativeLibraryCache.JNA_PLATFORM_PATH, "/opt/lib");
        NativeLibraryCache.use(cache);
        assertThat(System.getProperty(NativeLibraryCache.JNA_PLATFORM_PATH)).isEqualTo("/opt/lib");
        assertThat(System.getProperty(NativeLibraryCache.JNA_BOOT_PATH)).isEqualTo("/somewhere/else");
        assertThat(System.getProperty(NativeLibraryCache.JNA_LIBRARY_PATH)).isEqualTo("/my/libs");
    }

    /**
     * JNA runs {@code /sbin/ldconfig -p} to find the system's library folders unless told them: a
     * child process at every start. A child JVM that cannot start processes at all (an unknown
     * launch mechanism) loads libc through JNA after {@code use} — and fails without the folders.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void libcIsLoadedWithoutStartingAProcess(@TempDir Path cache) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.lang.Process.launchMechanism=NONE", "-cp", System.getProperty("java.class.path"),
                LoadLibc.class.getName(), cache.toString()).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("pid " + child.pid());
        assertThat(child.exitValue()).isZero();
    }

    /** The child of {@link #libcIsLoadedWithoutStartingAProcess}. */
    public static final class LoadLibc {
        public interface CLib extends Library {
            int getpid();
        }

        public static void main(String[] args) {
            NativeLibraryCache.use(Path.of(args[0]));
            System.out.println("pid " + Native.load("c", CLib.class).getpid());
        }
    }

    /**
     * sqlite-jdbc copies its library into the temporary folder at every start, after running
     * {@code uname -o}: a child JVM that cannot start processes opens a database after
     * {@code useForSqlite}, and leaves no copy in its temporary folder.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void sqliteIsLoadedFromTheCacheWithoutStartingAProcessOrCopyingToTmp(@TempDir Path cache, @TempDir Path tmp)
            throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.lang.Process.launchMechanism=NONE", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"),
                OpenSqlite.class.getName(), cache.toString()).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("sqlite 3.");
        assertThat(child.exitValue()).isZero();
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("sqlite-"));
        }
        assertThat(cache.resolve("native")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("sqlite-"));
    }

    /** The child of {@link #sqliteIsLoadedFromTheCacheWithoutStartingAProcessOrCopyingToTmp}. */
    public static final class OpenSqlite {
        public static void main(String[] args) throws Exception {
            NativeLibraryCache.useForSqlite(Path.of(args[0]));
            try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:");
                    var r = c.createStatement().executeQuery("select sqlite_version()")) {
                r.next();
                System.out.println("sqlite " + r.getString(1));
            }
        }
    }

    @Test
    void aResourceThatIsNotThereLeavesJnaToItsOwnWays(@TempDir Path cache) {
        assertThat(NativeLibraryCache.cachedCopy(cache, "none", List.of("/no/such/libx.so"))).isEmpty();
    }
}
