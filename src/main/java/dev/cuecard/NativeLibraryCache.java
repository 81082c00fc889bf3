package dev.cuecard;

import com.sun.jna.Platform;
import dev.cuecard.config.UnpackedResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Native libraries that JNA loads, from the cache folder instead of unpacked from their jars at
 * every start: JNA copies its own library (~120 KB, ~45 ms measured) and Vosk's (26 MB on Linux)
 * into temporary files each time, in both JVMs of a desktop start for JNA's and on the speech
 * model's path to listening for Vosk's. Each copy is made once, in a folder named by the jar
 * entry's CRC (a new version gets a new folder); anything wrong leaves JNA to unpack as it always
 * does. Windows is left alone: Vosk unpacks its DLLs there itself.
 */
final class NativeLibraryCache {
    /** Where JNA looks for its own library first. */
    static final String JNA_BOOT_PATH = "jna.boot.library.path";
    /** Where JNA looks first for the libraries it is asked to load (Vosk's). */
    static final String JNA_LIBRARY_PATH = "jna.library.path";
    /**
     * The system's library folders, for JNA. Unset, JNA works them out on Linux by running
     * {@code /sbin/ldconfig -p} the first time it loads a library — a child process in the first
     * JVM of every desktop start, just before it restarts with its options (~0.1 s), and again
     * in the restarted one.
     */
    static final String JNA_PLATFORM_PATH = "jna.platform.library.path";
    /** The folders JNA searches on Linux besides what ldconfig lists (which names the same ones on Debian/Ubuntu). */
    private static final String[] LINUX_LIBRARY_FOLDERS = {"/usr/lib/ARCH-linux-gnu", "/lib/ARCH-linux-gnu",
        "/usr/lib64", "/lib64", "/usr/lib", "/lib"};

    private NativeLibraryCache() {
    }

    /** Where sqlite-jdbc loads its library from instead of unpacking it, and the file's name there. */
    static final String SQLITE_PATH = "org.sqlite.lib.path";
    static final String SQLITE_NAME = "org.sqlite.lib.name";

    /**
     * Points sqlite-jdbc at a cached copy of its library (made now if missing), unless the user
     * set where it is. Left to itself it copies the 1.1 MB library into the temporary folder at
     * every start (a killed process leaves its copy behind) after running {@code uname -o} to
     * rule out Android — a child process. Linux (glibc) and macOS only; elsewhere it does as it always did.
     */
    static void useForSqlite(Path cacheDir) {
        Optional<String> folder = sqliteFolder();
        if (folder.isEmpty() || System.getProperty(SQLITE_PATH) != null || System.getProperty(SQLITE_NAME) != null) {
            return;
        }
        String name = System.mapLibraryName("sqlitejdbc");
        Optional<Path> dir = cachedCopy(cacheDir, "sqlite", List.of("/org/sqlite/native/" + folder.get() + "/" + name));
        if (dir.isPresent()) {
            System.setProperty(SQLITE_PATH, dir.get().toString());
            System.setProperty(SQLITE_NAME, name);
        }
    }

    /** sqlite-jdbc's folder for this OS and processor, as it names them. */
    private static Optional<String> sqliteFolder() {
        String arch = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> "";
        };
        if (arch.isEmpty()) {
            return Optional.empty();
        }
        if (Platform.isMac()) {
            return Optional.of("Mac/" + arch);
        }
        // musl systems (Alpine) get another build, which sqlite-jdbc picks by itself
        boolean glibc = Files.exists(Path.of(arch.equals("x86_64") ? "/lib64/ld-linux-x86-64.so.2"
                : "/lib/ld-linux-aarch64.so.1"));
        return Platform.isLinux() && glibc ? Optional.of("Linux/" + arch) : Optional.empty();
    }

    /** Points JNA at cached copies (made now if missing), unless the user set these paths. */
    static void use(Path cacheDir) {
        if (Platform.isWindows()) {
            return;
        }
        if (Platform.isLinux()) {
            setUnlessSet(JNA_PLATFORM_PATH, linuxLibraryFolders());
        }
        // the names JNA looks for (macOS: its own library is a .jnilib)
        String jna = System.mapLibraryName("jnidispatch").replace(".dylib", ".jnilib");
        // no lambdas on this path: the first JVM of a desktop start runs it before restarting (~5 ms each)
        Optional<Path> jnaDir = cachedCopy(cacheDir, "jna", List.of("/com/sun/jna/" + Platform.RESOURCE_PREFIX + "/" + jna));
        if (jnaDir.isPresent()) {
            setUnlessSet(JNA_BOOT_PATH, jnaDir.get().toString());
        }
        String vosk = System.mapLibraryName("vosk");
        Optional<Path> voskDir = cachedCopy(cacheDir, "vosk", List.of("/" + Platform.RESOURCE_PREFIX + "/" + vosk,
                "/darwin/" + vosk));
        if (voskDir.isPresent()) {
            setUnlessSet(JNA_LIBRARY_PATH, voskDir.get().toString());
        }
    }

    private static void setUnlessSet(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** The existing library folders of this machine, JNA's multiarch ones first (e.g. x86_64-linux-gnu). */
    static String linuxLibraryFolders() {
        String arch = Platform.ARCH.replace('-', '_'); // JNA says x86-64, the folders x86_64
        StringBuilder path = new StringBuilder();
        for (String folder : LINUX_LIBRARY_FOLDERS) {
            Path dir = Path.of(folder.replace("ARCH", arch));
            if (Files.isDirectory(dir)) {
                path.append(path.length() == 0 ? "" : ":").append(dir);
            }
        }
        return path.toString();
    }

    /** The folder holding the first of {@code resources} found, copied into the cache. */
    static Optional<Path> cachedCopy(Path cacheDir, String name, List<String> resources) {
        try {
            for (String resource : resources) {
                Optional<UnpackedResource> r = UnpackedResource.find(resource);
                if (r.isPresent()) {
                    String file = resource.substring(resource.lastIndexOf('/') + 1);
                    Path dir = cacheDir.resolve("native").resolve(name + "-" + Long.toHexString(r.get().crc()));
                    return Optional.of(r.get().unpackTo(dir.resolve(file)).getParent());
                }
            }
        } catch (IOException | RuntimeException e) {
            // JNA unpacks it itself
        }
        return Optional.empty();
    }
}
