package dev.cuecard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Application class data sharing (AppCDS) for Cuecard's own classes (issue 12, start-up): a JVM
 * that maps an archive of the classes a previous run loaded skips parsing and verifying them —
 * measured here, the desktop window 2.9 → 1.6 s and listening 4.6 → 3.3 s (BENCHMARKS.md).
 * Java 17 cannot create the archive by itself (-XX:+AutoCreateSharedArchive is Java 19), so the
 * first run of a kind (desktop, session command or one-line command) dumps one at exit into the cache folder and later
 * runs map it. An archive is valid only for the JDK and class path it was made with: the name
 * carries a hash of both (with each jar's size and time), so a new build or JDK makes a new one and
 * the old one is deleted. The JVM writes the archive after the program ends, so it is written
 * under a name with the writer's process id and renamed by the next start once that process has
 * gone. CDS's own warnings are turned off: an unusable archive only means a slower start.
 */
final class ClassDataArchive {
    static final String SUFFIX = ".jsa";
    static final String PART = ".part";
    /** The JVM says nothing when the archive cannot be used (a slower start is all it costs). */
    static final List<String> QUIET = List.of("-Xlog:cds*=off"); // its warnings go to stdout otherwise
    /**
     * Free space the cache's disk needs before a run dumps an archive (10–30 MB): a dump that runs out
     * of space (or finds the folder read-only) fails the JVM's exit (status 1, its error on standard
     * output) after the run itself succeeded, and would again at every run. On a nearly full or
     * read-only disk there is no archive.
     */
    static final long MIN_FREE_TO_DUMP = 256L << 20;

    private final Path dir;
    private final String kind;
    private final String key;

    private ClassDataArchive(Path dir, String kind, String key) {
        this.dir = dir;
        this.kind = kind;
        this.key = key;
    }

    /**
     * @param cacheDir the data folder's cache (files the app can make again)
     * @param args the program's arguments: a run without a command is the desktop app
     * @param classPath the JVM's class path (the jar, or the packaged app's jars)
     * @param javaHome the JDK or runtime image that runs it
     */
    static ClassDataArchive of(Path cacheDir, List<String> args, String classPath, String javaHome) {
        boolean desktop = args.isEmpty() || args.get(0).startsWith("-"); // a command comes first
        // one archive per one-line command: the first run of any one decides what its archive holds
        String kind = desktop ? "desktop" : JvmOptions.longRunning(args.toArray(new String[0])) ? "cli"
                : "command-" + (isCommandName(args.get(0)) ? args.get(0) : "other");
        return new ClassDataArchive(cacheDir.resolve("cds"), kind, key(classPath, javaHome));
    }

    /** The archive this run maps once a previous run has made it. */
    Path archive() {
        return dir.resolve(kind + "-" + key + SUFFIX);
    }

    /**
     * The JVM options for this run: map the archive when there is one; else have this process
     * ({@code pid}) dump one at exit, unless another live process is already writing it or the
     * run is too short to be worth archiving ({@code --version}, {@code --help}).
     *
     * @param alive whether a process id is still running
     */
    List<String> options(List<String> args, long pid, LongPredicate alive) {
        return options(args, pid, alive, new FreeSpace(dir));
    }

    /**
     * Whether a process id is still running. Classes, not lambdas, on this path: a one-line
     * command's first JVM only starts the second, and its first lambda would cost it ~20 ms.
     */
    static final LongPredicate LIVE_PROCESS = new LongPredicate() {
        @Override
        public boolean test(long pid) {
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            return p.isPresent() && p.get().isAlive();
        }
    };

    /**
     * Free space on the disk that holds {@code dir}; 0 when unknown or when {@code dir} cannot be
     * written (a read-only disk or folder): a dump there fails the JVM's exit just as a full disk does.
     */
    private record FreeSpace(Path dir) implements java.util.function.LongSupplier {
        @Override
        public long getAsLong() {
            try {
                if (!Files.isWritable(dir)) {
                    return 0;
                }
                return Files.getFileStore(dir).getUsableSpace();
            } catch (IOException e) {
                return 0;
            }
        }
    }

    private static boolean isCommandName(String arg) {
        if (arg.isEmpty() || arg.length() > 20) {
            return false;
        }
        for (int i = 0; i < arg.length(); i++) {
            if (arg.charAt(i) < 'a' || arg.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean shortRun(List<String> args) {
        for (String a : args) {
            if (a.equals("--version") || a.equals("-V") || a.equals("--help") || a.equals("-h") || a.equals("help")) {
                return true;
            }
        }
        return false;
    }

    /** @param usableBytes free space on the cache's disk (read only when an archive would be dumped) */
    List<String> options(List<String> args, long pid, LongPredicate alive, java.util.function.LongSupplier usableBytes) {
        try {
            Files.createDirectories(dir);
            adoptFinishedParts(alive);
            if (Files.isRegularFile(archive())) {
                return concat("-XX:SharedArchiveFile=" + archive());
            }
            if (writerAlive(alive) || shortRun(args) || usableBytes.getAsLong() < MIN_FREE_TO_DUMP) {
                return List.of();
            }
            return concat("-XX:ArchiveClassesAtExit=" + dir.resolve(kind + "-" + key + "." + pid + PART));
        } catch (IOException | RuntimeException e) {
            return List.of(); // no archive: a slower start, nothing else
        }
    }

    private static List<String> concat(String option) {
        List<String> options = new java.util.ArrayList<>(QUIET.size() + 1);
        options.add(option);
        options.addAll(QUIET);
        return List.copyOf(options);
    }

    /**
     * Archives written by processes that have ended become this kind's archive; parts and archives
     * of other builds or JDKs are deleted (each is 10–30 MB).
     */
    private void adoptFinishedParts(LongPredicate alive) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, kind + "-*")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                boolean ours = name.startsWith(kind + "-" + key + ".");
                if (!ours) {
                    Files.deleteIfExists(f);
                    continue;
                }
                Optional<Long> writer = writerPid(name);
                if (writer.isPresent() && !alive.test(writer.get())) {
                    if (Files.size(f) > 0 && !Files.exists(archive())) {
                        Files.move(f, archive(), StandardCopyOption.ATOMIC_MOVE);
                    } else {
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
    }

    private boolean writerAlive(LongPredicate alive) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, kind + "-" + key + ".*" + PART)) {
            for (Path f : files) {
                Optional<Long> writer = writerPid(f.getFileName().toString());
                if (writer.isPresent() && alive.test(writer.get())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code kind-key.PID.part} → PID */
    private static Optional<Long> writerPid(String name) {
        if (!name.endsWith(PART)) {
            return Optional.empty();
        }
        String stem = name.substring(0, name.length() - PART.length());
        try {
            return Optional.of(Long.parseLong(stem.substring(stem.lastIndexOf('.') + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The JDK and every class path entry with its size and time: what the archive is valid for.
     * Two checksums, not a cryptographic hash: nothing is secret here, and a one-line command's
     * first JVM would spend ~30 ms starting the security providers for SHA-256.
     */
    static String key(String classPath, String javaHome) {
        try {
            StringBuilder text = new StringBuilder(javaHome).append('|').append(System.getProperty("java.vm.version", ""))
                    .append('|');
            for (String entry : classPath.split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry);
                text.append(p.toAbsolutePath()).append('|');
                if (Files.isRegularFile(p)) {
                    text.append(Files.size(p)).append(':').append(Files.getLastModifiedTime(p).toMillis());
                }
                text.append('|');
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(bytes);
            java.util.zip.Adler32 adler = new java.util.zip.Adler32();
            adler.update(bytes);
            return hex8(crc.getValue()) + hex8(adler.getValue());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex8(long value) {
        String h = Long.toHexString(value & 0xffffffffL);
        return "00000000".substring(h.length()) + h;
    }
}
