package dev.cuecard;

import com.sun.jna.Platform;
import dev.cuecard.config.UnpackedResource;
import java.io.IOException;
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

    private NativeLibraryCache() {
    }

    /** Points JNA at cached copies (made now if missing), unless the user set these paths. */
    static void use(Path cacheDir) {
        if (Platform.isWindows()) {
            return;
        }
        // the names JNA looks for (macOS: its own library is a .jnilib)
        String jna = System.mapLibraryName("jnidispatch").replace(".dylib", ".jnilib");
        cachedCopy(cacheDir, "jna", List.of("/com/sun/jna/" + Platform.RESOURCE_PREFIX + "/" + jna))
                .ifPresent(dir -> setUnlessSet(JNA_BOOT_PATH, dir));
        String vosk = System.mapLibraryName("vosk");
        cachedCopy(cacheDir, "vosk", List.of("/" + Platform.RESOURCE_PREFIX + "/" + vosk, "/darwin/" + vosk))
                .ifPresent(dir -> setUnlessSet(JNA_LIBRARY_PATH, dir));
    }

    private static void setUnlessSet(String property, Path dir) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, dir.toString());
        }
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
