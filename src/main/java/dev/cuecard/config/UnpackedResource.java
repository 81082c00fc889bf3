package dev.cuecard.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.ZipEntry;

/**
 * A class-path resource that native code wants as a file (ONNX Runtime's libraries, the ONNX
 * model, JNA's and Vosk's libraries): the file itself when the resource is one, else a copy in the
 * cache folder made at the first start and reused after — unpacking 16 MB of library and inflating a 23 MB model at every
 * start cost ~0.5 s of CPU. A copy whose size differs from the resource's (another version, a
 * broken copy) is made again; copies are written to a temporary file and moved into place.
 *
 * @param crc the jar entry's CRC-32, -1 when not in a jar: a file name made with it changes with the content
 */
public record UnpackedResource(URL url, long size, long crc, Optional<Path> file) {

    /** The resource's size and CRC as its jar's directory lists them (nothing is read); empty when missing. */
    public static Optional<UnpackedResource> find(String resource) throws IOException {
        URL url = UnpackedResource.class.getResource(resource);
        if (url == null) {
            return Optional.empty();
        }
        if ("file".equals(url.getProtocol())) {
            try {
                Path file = Path.of(url.toURI());
                return Optional.of(new UnpackedResource(url, Files.size(file), -1, Optional.of(file)));
            } catch (URISyntaxException e) {
                throw new IOException("odd resource location " + url, e);
            }
        }
        URLConnection c = url.openConnection();
        if (c instanceof JarURLConnection jar) {
            ZipEntry entry = jar.getJarEntry();
            if (entry != null && entry.getSize() >= 0) {
                return Optional.of(new UnpackedResource(url, entry.getSize(), entry.getCrc(), Optional.empty()));
            }
        }
        return Optional.empty();
    }

    /** The resource as a file: itself, or its copy at {@code target} (made now unless already there). */
    public Path unpackTo(Path target) throws IOException {
        if (file.isPresent()) {
            return file.get();
        }
        if (Files.isRegularFile(target) && Files.size(target) == size) {
            return target;
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "unpacking", ".tmp");
        try {
            try (InputStream in = url.openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.size(tmp) != size) {
                throw new IOException("unpacked " + Files.size(tmp) + " bytes of " + url + ", expected " + size);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
