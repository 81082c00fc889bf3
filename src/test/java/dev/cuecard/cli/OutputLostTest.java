package dev.cuecard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard output on a full disk, as in {@code cuecard debrief export 3 > notes.md}: the JVM's
 * streams swallow the write error, so the command printed nothing, said nothing and exited 0.
 * A real process writing into Linux's {@code /dev/full} (every write fails with ENOSPC).
 */
class OutputLostTest {
    @TempDir
    Path dir;

    @Test
    void aCommandWhoseOutputCannotBeWrittenSaysSoAndExitsNonZero() throws Exception {
        File full = new File("/dev/full");
        assumeThat(full.exists()).as("needs /dev/full (Linux)").isTrue();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dcuecard.home=" + dir.resolve("home"),
                "dev.cuecard.Main", "practice", "plan", "--seed", "1")
                .redirectOutput(full)
                .start();
        child.getOutputStream().close();
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(err).isEqualTo(74);
        List<String> lines = err.lines().toList();
        assertThat(lines).singleElement().asString()
                .startsWith("cuecard: the output could not be written (No space left on device)")
                .contains("free some space");
    }
}
