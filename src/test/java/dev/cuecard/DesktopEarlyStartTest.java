package dev.cuecard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.asr.ModelLocator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop app's toolkit starts while the command line is still being read (issue 12, start-up):
 * real processes through {@link Main}, on the test's display. What the user sees must not change —
 * the app opens with the options given, and a usage error still ends the process at once with
 * picocli's status, the half-started toolkit notwithstanding.
 */
class DesktopEarlyStartTest {
    @TempDir
    Path home;

    @Test
    void theAppOpensWithTheOptionsReadAfterTheToolkitStarted() throws Exception {
        Files.writeString(home.resolve("settings.yaml"), "ui:\n  consentAccepted: true\n");
        Process app = start("--demo", "--exit-after", "4", "--startup-report");
        assertThat(app.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(app.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(app.exitValue()).as(err).isZero();
        // listening may come after the four seconds on a loaded machine ("listening_at=-"): the report is what counts
        assertThat(out).as("--exit-after and --startup-report reached the app").containsPattern(
                "startup: window_shown_at=\\d+ listening_at=(\\d+|-)");
    }

    @Test
    void aUsageErrorEndsTheProcessThoughTheToolkitWasStarting() throws Exception {
        Process app = start("--demo", "--no-such-option");
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("ended, not waiting on the toolkit").isTrue();
        assertThat(app.exitValue()).isEqualTo(2);
        assertThat(new String(app.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("--no-such-option");
    }

    private Process start(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + ModelLocator.MODELS_DIR_PROPERTY + "=" + System.getProperty(ModelLocator.MODELS_DIR_PROPERTY),
                "-Dcuecard.home=" + home, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).start();
    }
}
