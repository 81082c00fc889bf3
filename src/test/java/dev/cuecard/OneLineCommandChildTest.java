package dev.cuecard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.asr.ModelLocator;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar cuecard.jar classify …} runs in a child JVM with the start-up options (issue 12):
 * a real jar (its manifest naming the test's class path), real processes. What the user sees must
 * not change: the output, standard input, the exit status.
 */
class OneLineCommandChildTest {
    @TempDir
    Path dir;

    @Test
    void aOneLineCommandRunsInAChildWithTheStartUpOptionsAndKeepsItsInputOutputAndStatus() throws Exception {
        Path jar = appJar();
        Path cds = dir.resolve("home").resolve("cache").resolve("cds");

        Process bad = start(jar, "classify", "--no-such-option");
        bad.getOutputStream().close();
        assertThat(bad.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).as("picocli's usage status, passed on").isEqualTo(2);
        assertThat(new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("--no-such-option");
        assertThat(archives(cds)).as("a failed run's classes are not kept as the command's archive").isEmpty();

        Process p = start(jar, "classify");
        try (OutputStream in = p.getOutputStream()) {
            in.write("how would you design a rate limiter\nwhat is a b-tree index\n".getBytes(StandardCharsets.UTF_8));
        }
        boolean sawChild = false;
        while (p.isAlive() && !sawChild) {
            sawChild = p.descendants().anyMatch(d -> d.info().arguments()
                    .map(a -> List.of(a).containsAll(JvmOptions.COMMAND_OPTIONS)).orElse(false));
            Thread.sleep(10);
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sawChild).as("a child JVM with the one-line options ran the command").isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out.lines()).hasSize(2);
        assertThat(out).contains("rate-limiter", "how would you design a rate limiter", "what is a b-tree index");
        assertThat(archives(cds)).as("the classes it loaded, written as it ended").singleElement().asString()
                .startsWith("command-classify-").endsWith(".part");

        Process again = start(jar, "classify", "what is a mutex");
        again.getOutputStream().close();
        assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).isZero();
        assertThat(new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("what is a mutex");
        assertThat(archives(cds)).as("mapped from now on").singleElement().asString()
                .startsWith("command-classify-").endsWith(".jsa");
    }

    private static List<String> archives(Path cds) throws java.io.IOException {
        if (!Files.isDirectory(cds)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(cds)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    @Test
    void helpVersionSessionsAndChildrenRunAsStarted() {
        assertThat(JvmOptions.commandCommand(new String[] {"--version"}, java.util.Map.of(), java.util.Optional.of(List.of())))
                .isEmpty();
        assertThat(JvmOptions.commandCommand(new String[] {"classify", "--help"}, java.util.Map.of(),
                java.util.Optional.of(List.of()))).isEmpty();
        assertThat(JvmOptions.commandCommand(new String[] {"replay", "x.wav"}, java.util.Map.of(),
                java.util.Optional.of(List.of()))).as("sessions restart with the memory options instead").isEmpty();
        assertThat(JvmOptions.commandCommand(new String[] {"classify", "x"}, java.util.Map.of(), java.util.Optional.empty()))
                .as("not started with -jar").isEmpty();
        assertThat(JvmOptions.commandCommand(new String[] {"classify", "x"}, java.util.Map.of("CUECARD_JVM_TUNING", "off"),
                java.util.Optional.of(List.of()))).isEmpty();
    }

    private Process start(Path jar, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + ModelLocator.MODELS_DIR_PROPERTY + "=" + System.getProperty(ModelLocator.MODELS_DIR_PROPERTY),
                "-Dcuecard.home=" + dir.resolve("home"), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
    }

    /**
     * A jar as the build makes one: the main classes inside, Main in its manifest, the libraries on
     * its Class-Path (jars only: class data sharing refuses folders on the class path).
     */
    private Path appJar() throws Exception {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, List.of(System.getProperty("java.class.path")
                .split(File.pathSeparator)).stream().filter(e -> e.endsWith(".jar"))
                .map(e -> Path.of(e).toUri().toString()).collect(Collectors.joining(" ")));
        Path jar = dir.resolve("cuecard.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m);
             java.util.stream.Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
