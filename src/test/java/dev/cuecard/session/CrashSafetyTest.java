package dev.cuecard.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.asr.ModelLocator;
import dev.cuecard.testing.Pcm;
import dev.cuecard.testing.SpeechFixtures;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real replay in a child JVM, killed with SIGKILL in the middle: what was said before survives,
 * the file is sound, and the next start closes the session as interrupted — even when the dead
 * writer's pid now belongs to a live process (here: the test's own JVM, as when a container gives
 * the next process the same pid): the writer's lock file, released by the OS at the kill, decides.
 */
class CrashSafetyTest {
    @TempDir
    Path dir;

    @Test
    void aKilledReplayKeepsItsEarlierUtterancesAndASoundDatabase() throws Exception {
        Path wav = longInterview();
        Path home = dir.resolve("home");
        Path db = home.resolve(SessionStore.FILE_NAME);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-D" + ModelLocator.MODELS_DIR_PROPERTY + "=" + System.getProperty(ModelLocator.MODELS_DIR_PROPERTY),
                "-Dcuecard.home=" + home, "dev.cuecard.Main", "replay", "--json", "--speed", "1", wav.toString())
                .redirectError(dir.resolve("child-stderr.txt").toFile())
                .start();
        long storedBeforeKill;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("\"type\":\"final\"")) {
                // partials of the first utterance
            }
            assertThat(line).as("the replay produced a final result before ending").isNotNull();
            storedBeforeKill = awaitStoredUtterances(db, 1);
            assertThat(child.isAlive()).as("still replaying (paced at real time)").isTrue();
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flush
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).isEqualTo(137);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("ok");
            }
            try (ResultSet r = s.executeQuery("SELECT status, writer_lock FROM sessions")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("recording");
                assertThat(r.getString(2)).as("the writer held a lock file").isNotBlank();
            }
            // pid reuse: the dead writer's pid is now a live process's (ours)
            s.executeUpdate("UPDATE sessions SET writer_pid = " + ProcessHandle.current().pid());
        }
        try (SessionStore store = SessionStore.open(db)) {
            assertThat(store.notices()).anyMatch(n -> n.contains("interrupted"));
            SessionSummary s = store.list().get(0);
            assertThat(s.status()).isEqualTo(SessionStatus.INTERRUPTED);
            assertThat(s.utterances()).isGreaterThanOrEqualTo((int) storedBeforeKill);
            SessionDetail d = store.load(s.id()).orElseThrow();
            assertThat(d.utterances().get(0).text()).contains("design", "limiter");
            assertThat(store.search("limiter", java.util.OptionalLong.of(s.id()), 5)).isNotEmpty();
        }
    }

    /** Polls the database (committed rows only) until it holds {@code n} utterances; 60 s at most. */
    private static long awaitStoredUtterances(Path db, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (java.nio.file.Files.exists(db)) {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT count(*) FROM utterances")) {
                    if (r.next() && r.getLong(1) >= n) {
                        return r.getLong(1);
                    }
                } catch (java.sql.SQLException notCreatedYet) {
                    // the schema is created by the child a moment after the file appears
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no utterance was stored within 60 s");
    }

    /** Seven fixture utterances with a second of silence between them: ~40 s of speech to replay. */
    private Path longInterview() throws Exception {
        List<String> names = List.of("rate-limiter-slt", "tell-me-slt", "cache-slt", "latency-rms", "queue-awb",
                "hear-me-slt", "design-slt");
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        byte[] silence = new byte[16000 * 2];
        List<short[]> parts = new ArrayList<>();
        for (String name : names) {
            parts.add(Pcm.readMono16(SpeechFixtures.wav(name)));
        }
        for (short[] p : parts) {
            pcm.write(Pcm.toBytes(p));
            pcm.write(silence);
        }
        Path wav = dir.resolve("interview.wav");
        Pcm.writeWav(wav, new AudioFormat(16000, 16, 1, true, false), pcm.toByteArray());
        return wav;
    }
}
