package dev.cuecard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.testing.ReadOnlyFolder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {
    @TempDir
    Path dir;

    private static final String JAVA_HOME = System.getProperty("java.home");

    @Test
    void theFirstRunOfAKindDumpsAnArchiveTheNextRunsMapOnceTheWriterHasGone() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "not really a jar");
        Path cache = dir.resolve("cache");
        List<String> desktop = List.of("--demo");
        ClassDataArchive archive = ClassDataArchive.of(cache, desktop, jar.toString(), JAVA_HOME);

        List<String> first = archive.options(desktop, 41, pid -> pid == 41);
        assertThat(first.get(0)).startsWith("-XX:ArchiveClassesAtExit=").endsWith(".41.part");
        assertThat(first).containsAll(ClassDataArchive.QUIET);
        Path part = Path.of(first.get(0).substring(first.get(0).indexOf('=') + 1));
        Files.write(part, new byte[1024]); // what the JVM writes as process 41 ends

        // while 41 still runs, a second start neither maps the unfinished file nor writes its own
        assertThat(archive.options(desktop, 42, pid -> pid == 41)).isEmpty();
        // 41 has ended: its archive is adopted and mapped
        List<String> later = archive.options(desktop, 43, pid -> false);
        assertThat(later.get(0)).isEqualTo("-XX:SharedArchiveFile=" + archive.archive());
        assertThat(archive.archive()).exists();
        assertThat(part).doesNotExist();
    }

    @Test
    void onANearlyFullDiskNoArchiveIsDumpedButOneAlreadyMadeIsStillMapped() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "not really a jar");
        Path cache = dir.resolve("cache-full");
        List<String> replay = List.of("replay", "x.wav", "--json");
        ClassDataArchive archive = ClassDataArchive.of(cache, replay, jar.toString(), JAVA_HOME);
        // a dump that runs out of space fails the JVM's exit after the run succeeded: none is tried
        assertThat(archive.options(replay, 5, pid -> pid == 5, () -> 40L << 20)).isEmpty();
        assertThat(archive.options(replay, 5, pid -> pid == 5, () -> 1L << 30).get(0))
                .startsWith("-XX:ArchiveClassesAtExit=");
        Files.write(archive.archive(), new byte[1024]);
        assertThat(archive.options(replay, 6, pid -> false, () -> 0L).get(0))
                .isEqualTo("-XX:SharedArchiveFile=" + archive.archive());
    }

    @Test
    void desktopSessionAndOneLineRunsKeepTheirOwnArchivesAndShortRunsMakeNone() {
        Path jar = dir.resolve("app.jar");
        Path cache = dir.resolve("cache");
        ClassDataArchive desktop = ClassDataArchive.of(cache, List.of(), jar.toString(), JAVA_HOME);
        ClassDataArchive cli = ClassDataArchive.of(cache, List.of("replay", "--json", "x.wav"), jar.toString(), JAVA_HOME);
        ClassDataArchive command = ClassDataArchive.of(cache, List.of("classify", "--json", "x"), jar.toString(), JAVA_HOME);
        assertThat(List.of(desktop.archive(), cli.archive(), command.archive())).doesNotHaveDuplicates();
        assertThat(desktop.archive().getFileName().toString()).startsWith("desktop-");
        assertThat(cli.archive().getFileName().toString()).startsWith("cli-");
        assertThat(command.archive().getFileName().toString()).startsWith("command-classify-");
        assertThat(ClassDataArchive.of(cache, List.of("debrief", "list"), jar.toString(), JAVA_HOME).archive())
                .as("each one-line command its own").isNotEqualTo(command.archive());
        // a desktop option's value is not a command
        assertThat(ClassDataArchive.of(cache, List.of("--demo", "--exit-after", "5"), jar.toString(), JAVA_HOME)
                .archive()).isEqualTo(desktop.archive());
        assertThat(ClassDataArchive.of(cache, List.of("--version"), jar.toString(), JAVA_HOME)
                .options(List.of("--version"), 7, pid -> true)).isEmpty();
    }

    @Test
    void aRebuiltJarGetsANewArchiveAndTheOldOneIsDeleted() throws Exception {
        Path jar = Files.writeString(dir.resolve("app.jar"), "build 1");
        Path cache = dir.resolve("cache");
        ClassDataArchive old = ClassDataArchive.of(cache, List.of("classify"), jar.toString(), JAVA_HOME);
        Files.createDirectories(old.archive().getParent());
        Files.write(old.archive(), new byte[16]);
        Files.writeString(jar, "build 2, longer");
        ClassDataArchive rebuilt = ClassDataArchive.of(cache, List.of("classify"), jar.toString(), JAVA_HOME);
        assertThat(rebuilt.archive()).isNotEqualTo(old.archive());
        assertThat(rebuilt.options(List.of("classify"), 9, pid -> true).get(0)).startsWith("-XX:ArchiveClassesAtExit=");
        assertThat(old.archive()).doesNotExist();
    }

    /** The real JVM: the options dump an archive at exit, and the next JVM maps it (not just accepts the flag). */
    @Test
    void aRealJvmDumpsTheArchiveAndTheNextOneMapsIt() throws Exception {
        Path jar = helloJar();
        Path cache = dir.resolve("cache");
        ClassDataArchive archive = ClassDataArchive.of(cache, List.of("run"), jar.toString(), JAVA_HOME);

        Process first = java(archive.options(List.of("run"), ProcessHandle.current().pid(), pid -> false), jar);
        assertThat(first.waitFor()).isZero();
        // the child has ended; the next start adopts what it wrote (named with our pid, which it reused)
        List<String> second = archive.options(List.of("run"), 1, pid -> false);
        assertThat(second.get(0)).isEqualTo("-XX:SharedArchiveFile=" + archive.archive());
        List<String> verbose = new ArrayList<>(second);
        verbose.removeAll(ClassDataArchive.QUIET);
        verbose.add("-Xlog:class+load=info");
        Process mapped = java(verbose, jar);
        String out = new String(mapped.getInputStream().readAllBytes());
        assertThat(mapped.waitFor()).isZero();
        assertThat(out).contains("hello from the archive test");
        // the class came from the dynamic archive, not parsed from the jar
        assertThat(out).contains(Hello.class.getName() + " source: shared objects file (top)");
    }

    /**
     * A data folder on a read-only disk (or one the user cannot write): the first run of a command
     * dumped an archive there at exit, the dump failed, and a 'debrief list' that had printed its
     * sessions exited 1 with "Unable to create shared archive file" on standard output.
     */
    @Test
    void aCacheFolderThatCannotBeWrittenGetsNoDumpAndARealJvmExitsZero() throws Exception {
        Path jar = helloJar();
        Path cache = dir.resolve("cache-ro");
        List<String> args = List.of("debrief", "list");
        ClassDataArchive archive = ClassDataArchive.of(cache, args, jar.toString(), JAVA_HOME);
        Path cds = Files.createDirectories(archive.archive().getParent());
        ReadOnlyFolder.make(cds);
        try {
            List<String> options = archive.options(args, ProcessHandle.current().pid(), pid -> false);
            Process run = java(options, jar);
            String out = new String(run.getInputStream().readAllBytes());
            assertThat(run.waitFor()).as(out).isZero();
            assertThat(out).contains("hello from the archive test").doesNotContain("shared archive");
            assertThat(options).noneMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit"));
        } finally {
            ReadOnlyFolder.undo(cds);
        }
    }

    private Path helloJar() throws IOException {
        Path jar = dir.resolve("hello.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Hello.class.getName());
        String entry = Hello.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(entry));
            try (var in = Hello.class.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(out);
            }
        }
        return jar;
    }

    private static Process java(List<String> options, Path jar) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(JAVA_HOME, "bin", "java").toString());
        cmd.addAll(options);
        cmd.add("-jar");
        cmd.add(jar.toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** The program the child JVMs run. */
    public static final class Hello {
        public static void main(String[] args) {
            System.out.println("hello from the archive test");
        }
    }
}
