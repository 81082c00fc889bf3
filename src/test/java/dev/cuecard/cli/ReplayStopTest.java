package dev.cuecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.asr.ModelLocator;
import dev.cuecard.session.SessionStatus;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.SessionSummary;
import dev.cuecard.session.StoppedAt;
import dev.cuecard.testing.SpeechFixtures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cuecard replay} stopped with Ctrl+C (a real SIGINT to a real child JVM) part way through its
 * recording is stored as "stopped", with how far it got — not "complete", as if the whole recording
 * had been heard — and its last line says how much was heard.
 */
class ReplayStopTest {
    @TempDir
    Path dir;

    @Test
    void aReplayStoppedWithCtrlCIsStoredAsStoppedAndSaysHowMuchWasHeard() throws Exception {
        Path wav = SpeechFixtures.wav("live-interview"); // 34.7 s, the first question at ~7 s
        Path home = dir.resolve("home");
        Path err = dir.resolve("stderr.txt");
        Process child = replay(wav, home, err);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains(">>")) {
                // transcript lines before the first card
            }
            assertThat(line).as("a card before the end; stderr: %s", Files.readString(err)).isNotNull();
            assertThat(child.isAlive()).as("still replaying (paced at real time)").isTrue();
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            while (out.readLine() != null) {
                // drained until the command ends
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        List<String> stderr = Files.readAllLines(err);
        assertThat(child.exitValue()).as(String.join("\n", stderr)).isEqualTo(130); // 128 + SIGINT: it was a signal
        String last = stderr.get(stderr.size() - 1);
        Matcher m = Pattern.compile("cuecard: session (\\d+) stored — stopped at 0:(\\d\\d) of 0:34 \\(review it: "
                + "cuecard debrief show \\1\\)").matcher(last);
        assertThat(m.matches()).as(last).isTrue();
        int heardSec = Integer.parseInt(m.group(2));
        assertThat(heardSec).isBetween(7, 33);

        try (SessionStore store = SessionStore.openReadOnly(home.resolve(SessionStore.FILE_NAME))) {
            SessionSummary s = store.list().get(0);
            assertThat(s.status()).isEqualTo(SessionStatus.STOPPED);
            StoppedAt stopped = s.stopped().orElseThrow();
            assertThat(stopped.heardMs() / 1000).isEqualTo(heardSec);
            assertThat(stopped.recordingMs()).isEqualTo(OptionalLong.of(34_705));
            assertThat(s.questions()).isGreaterThanOrEqualTo(1);
            assertThat(DebriefText.summary(s)).contains("stopped  ").contains("(heard 0:" + m.group(2) + " of 0:34)");
            assertThat(DebriefJson.summary(s)).contains("\"status\":\"stopped\"", "\"recordingMs\":34705");
        }
        java.util.Map<String, String> env = java.util.Map.of("CUECARD_HOME", home.toString());
        String heard = "heard 0:" + m.group(2) + " of 0:34";
        DebriefReviewTest.Run show = DebriefReviewTest.run(env, "debrief", "show", m.group(1));
        assertThat(show.out().lines().findFirst().orElseThrow()).endsWith("replay  stopped (" + heard + ")");
        DebriefReviewTest.Run export = DebriefReviewTest.run(env, "debrief", "export", m.group(1));
        assertThat(export.out()).contains("| status | stopped — " + heard + " |");
    }

    /**
     * QA (polish 4): Ctrl+C while the speech model was still loading ended the command with 130 and
     * not a word. The signal is sent while the model loads (its word-list thread is alive): a signal
     * sent later would give "session N stored", so only a stop before the session began prints this
     * line (one before the command began: the next test).
     */
    @Test
    void ctrlCWhileTheSpeechModelLoadsSaysNothingWasHeardOrStored() throws Exception {
        Path tasks = Path.of("/proc/self/task");
        org.assertj.core.api.Assumptions.assumeThat(tasks).as("thread names from /proc (Linux)").isDirectory();
        Path home = dir.resolve("home");
        Path err = dir.resolve("stderr.txt");
        Process child = replay(SpeechFixtures.wav("live-interview"), home, err);
        List<String> stderr = interruptOnceReady(child, err, () -> threadNamed(child.pid(), "cuecard-speech-"),
                "loading the model");
        assertThat(child.exitValue()).as(String.join("\n", stderr)).isEqualTo(130);
        assertThat(stderr).containsExactly("cuecard: " + StopHook.BEFORE_START);
        Path db = home.resolve(SessionStore.FILE_NAME);
        if (Files.exists(db)) {
            try (SessionStore store = SessionStore.openReadOnly(db)) {
                assertThat(store.list()).isEmpty();
            }
        }
    }

    /**
     * QA (polish 5): Ctrl+C in the first ~0.5 s of a replay (the JVM starting, Main, the options being
     * read, before the command installed its hook) ended it with 130 and not a word. The child is held
     * before its command line is parsed ({@link StartHold}) and signalled there: the same one line.
     */
    @Test
    void ctrlCBeforeTheOptionsAreReadSaysNothingWasHeardOrStored() throws Exception {
        Path home = dir.resolve("home");
        Path err = dir.resolve("stderr.txt");
        Path held = dir.resolve("held");
        Process child = replay(SpeechFixtures.wav("hear-me-slt"), home, err,
                "-D" + StartHold.BEFORE_PARSING_PROPERTY + "=" + held);
        List<String> stderr = interruptOnceReady(child, err, () -> Files.exists(held), "held before parsing");
        assertThat(child.exitValue()).as(String.join("\n", stderr)).isEqualTo(130);
        assertThat(stderr).containsExactly("cuecard: " + StopHook.BEFORE_START);
        assertThat(home.resolve(SessionStore.FILE_NAME)).doesNotExist();
    }

    @Test
    void theHookFromTheStartIsForTheCommandsThatRunASessionNotTheirHelp() {
        assertThat(StopHook.runsASession("replay", "x.wav")).isTrue();
        assertThat(StopHook.runsASession("listen", "--json")).isTrue();
        assertThat(StopHook.runsASession("replay", "--help")).isFalse();
        assertThat(StopHook.runsASession("transcribe", "x.wav")).isFalse();
        assertThat(StopHook.runsASession()).isFalse();
    }

    /** Whether a thread of process {@code pid} has this name (as Linux keeps it: its first 15 characters). */
    private static boolean threadNamed(long pid, String name) {
        try (java.util.stream.Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return threads.anyMatch(t -> {
                try {
                    return Files.readString(t.resolve("comm")).strip().equals(name);
                } catch (java.io.IOException ended) {
                    return false;
                }
            });
        } catch (java.io.IOException | java.io.UncheckedIOException ended) {
            return false;
        }
    }

    /** {@code cuecard replay WAV} at real time in a child JVM, its stderr to {@code err}. */
    private static Process replay(Path wav, Path home, Path err, String... jvmOptions) throws java.io.IOException {
        List<String> cmd = new ArrayList<>();
        // a test run from a background shell inherits SIGINT ignored, and a JVM keeps an ignored SIGINT
        // ignored; a terminal's Ctrl+C reaches a command with the default action, so give it that
        if (defaultSignalSupported()) {
            cmd.addAll(List.of("env", "--default-signal=INT"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-D" + ModelLocator.MODELS_DIR_PROPERTY + "=" + System.getProperty(ModelLocator.MODELS_DIR_PROPERTY),
                "-Dcuecard.home=" + home));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("dev.cuecard.Main", "replay", "--offline", "--speed", "1", wav.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
        pb.environment().remove("CUECARD_LLM_BASE_URL");
        return pb.start();
    }

    @Test
    void aStoppedPositionReadsAsMinutesAndSeconds() {
        assertThat(new StoppedAt(192_400, OptionalLong.of(1_050_000)).describe()).isEqualTo("stopped at 3:12 of 17:30");
        assertThat(new StoppedAt(3_725_000, OptionalLong.empty()).describe()).isEqualTo("stopped at 1:02:05");
    }

    private static boolean defaultSignalSupported() {
        try {
            Process p = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Waits (up to 60 s) until {@code ready}, sends a real SIGINT, waits for the child's end; its stderr lines. */
    private static List<String> interruptOnceReady(Process child, Path err, java.util.function.BooleanSupplier ready,
                                                   String what) throws Exception {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!ready.getAsBoolean() && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertThat(ready.getAsBoolean() && child.isAlive()).as("%s; stderr: %s", what, Files.readString(err)).isTrue();
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            child.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        return Files.readAllLines(err);
    }
}
