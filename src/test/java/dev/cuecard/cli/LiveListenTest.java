package dev.cuecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuecard.testing.PulseDaemon;
import dev.cuecard.testing.SpeechFixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cuecard listen --them system --me headset.monitor --json} end to end, as a user runs it: a
 * real JVM process, a real PulseAudio server (private to this test) whose default output is a null
 * sink, a multi-question interview played into it with paplay, the candidate's answer played into a
 * second sink whose monitor is the "microphone"; that sink is unplugged mid-session; then SIGTERM
 * (what Ctrl+C does). Questions are carded, small talk is not, the interviewer's channel goes on
 * after the microphone is lost, live events carry the wall clock, the session is stored and every
 * capture stream and helper process is gone once the command has exited.
 */
class LiveListenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The interview's questions and small talk, with exact speech positions (scripts/make-live-interview.sh). */
    private record Line(String id, String category, long startMs, long endMs, String text) {
        boolean question() {
            return !category.equals("none");
        }
    }

    @TempDir
    static Path tmp;
    static PulseDaemon pulse;

    @BeforeAll
    static void startServer() throws Exception {
        Optional<String> missing = PulseDaemon.unavailableReason();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "live listen test skipped: " + missing.orElse(""));
        pulse = PulseDaemon.start(tmp.resolve("pulse"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (pulse != null) {
            pulse.close();
        }
    }

    private static List<Line> truth() throws IOException {
        List<Line> lines = new ArrayList<>();
        for (String l : Files.readAllLines(SpeechFixtures.dir().resolve("live-interview.truth.tsv"))) {
            String[] f = l.split("\t", -1);
            if (!l.startsWith("id\t") && f.length >= 6) {
                lines.add(new Line(f[0], f[1], Long.parseLong(f[3]), Long.parseLong(f[4]), f[5]));
            }
        }
        return lines;
    }

    /** The command as a user starts it: its own JVM, found through the test's class path. */
    private static Process listen(Path out, Path err, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dcuecard.models.dir=" + System.getProperty("cuecard.models.dir"),
                "-Dcuecard.home=" + System.getProperty("cuecard.home"),
                "dev.cuecard.Main", "listen"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("PULSE_SERVER", pulse.server());
        pb.environment().remove("CUECARD_LLM_BASE_URL");
        return pb.start();
    }

    private static List<JsonNode> events(Path out) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.startsWith("{")) {
                events.add(JSON.readTree(line));
            }
        }
        return events;
    }

    /** Waits (up to {@code seconds}) for a condition on what the command has printed so far. */
    private static void await(Process p, Path out, Path err, int seconds, Predicate<List<JsonNode>> until)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!until.test(events(out))) {
            if (!p.isAlive()) {
                throw new AssertionError("listen exited " + p.exitValue() + ": " + Files.readString(err));
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("not within " + seconds + " s; stderr: " + Files.readString(err)
                        + "\nevents: " + events(out).size());
            }
            Thread.sleep(100); // waiting for a separate process's output
        }
    }

    private static boolean isStatus(JsonNode e, String channel, String state) {
        return e.path("type").asText().equals("status") && e.path("channel").asText().equals(channel)
                && e.path("state").asText().equals(state);
    }

    @Test
    void aLiveInterviewFromTheSystemOutputIsCardedStoredAndSurvivesTheMicrophoneGoingAway() throws Exception {
        pulse.addSink("call", "Video_call");
        int headset = pulse.addSink("headset", "Headset");
        pulse.setDefaultSink("call");
        Path out = tmp.resolve("listen.jsonl");
        Path err = tmp.resolve("listen.err");
        long launched = System.currentTimeMillis();
        Process p = listen(out, err, "--them", "system", "--me", "headset.monitor", "--json", "--offline");
        try {
            // listening once both channels capture (after the speech model has loaded)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (pulse.captureStreams().size() < 2) {
                assertThat(p.isAlive()).as(() -> "listen exited: " + read(err)).isTrue();
                assertThat(System.nanoTime()).as(() -> "never captured; stderr: " + read(err)).isLessThan(deadline);
                Thread.sleep(100);
            }
            List<Long> helpers = p.descendants().map(ProcessHandle::pid).toList();
            assertThat(helpers).as("parec for each channel, pactl subscribe for each").hasSizeGreaterThanOrEqualTo(2);

            Process interview = pulse.play("call", SpeechFixtures.dir().resolve("live-interview.wav"));
            Thread.sleep(11_000); // the candidate answers the rate limiter question (it ends at 10.4 s)
            Process answer = pulse.play("headset", SpeechFixtures.dir().resolve("../practice/rate-limiter.mediocre.wav")
                    .normalize());
            assertThat(interview.waitFor(120, TimeUnit.SECONDS)).isTrue();
            answer.waitFor(60, TimeUnit.SECONDS);
            await(p, out, err, 60, ev -> ev.stream().anyMatch(e -> e.path("type").asText().equals("final")
                    && e.path("channel").asText().equals("them") && e.path("text").asText().contains("teammate")));

            pulse.unload(headset); // the headset is unplugged mid-session
            await(p, out, err, 30, ev -> ev.stream().anyMatch(e -> isStatus(e, "me", "lost")));
            long afterLoss = System.currentTimeMillis();
            Process more = pulse.play("call", SpeechFixtures.wav("latency-rms"));
            assertThat(more.waitFor(60, TimeUnit.SECONDS)).isTrue();
            await(p, out, err, 60, ev -> ev.stream().anyMatch(e -> e.path("type").asText().equals("question")
                    && e.path("epochMs").asLong() > afterLoss));

            p.destroy(); // SIGTERM, as Ctrl+C: the session is stored before the JVM exits
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String stderr = read(err);
            List<JsonNode> events = events(out);

            // every event carries the wall clock when it was emitted, beside the audio position
            long ended = System.currentTimeMillis();
            assertThat(events).isNotEmpty().allSatisfy(e -> {
                assertThat(e.has("atMs")).isTrue();
                assertThat(e.path("epochMs").asLong()).isBetween(launched, ended);
            });
            // the interviewer's questions are carded, small talk never: each card belongs to the line it
            // heard (by its words: on a loaded machine recognition may run seconds behind the wall clock)
            List<Line> lines = new ArrayList<>(truth());
            Line afterLossQuestion = new Line("latency-rms", "reliability_ops", 0, 0,
                    SpeechFixtures.get("latency-rms").text());
            lines.add(afterLossQuestion);
            List<JsonNode> firstCards = new ArrayList<>();
            List<Integer> seen = new ArrayList<>();
            for (JsonNode e : events) {
                if (e.path("type").asText().equals("question") && !seen.contains(e.path("id").asInt())) {
                    seen.add(e.path("id").asInt());
                    firstCards.add(e);
                }
            }
            List<Line> carded = new ArrayList<>();
            for (JsonNode card : firstCards) {
                Line heard = bestMatch(lines, card.path("text").asText());
                assertThat(heard.question()).as("small talk carded: " + heard.text() + " → " + card).isTrue();
                assertThat(card.path("category").asText()).as(card.toString()).isEqualTo(heard.category());
                carded.add(heard);
            }
            assertThat(carded).as("every question carded: " + firstCards)
                    .containsAll(lines.stream().filter(Line::question).toList());
            // the other channel went on: the question played after the headset was lost is carded then
            assertThat(firstCards).anySatisfy(card -> {
                assertThat(bestMatch(lines, card.path("text").asText())).isEqualTo(afterLossQuestion);
                assertThat(card.path("epochMs").asLong()).isGreaterThan(afterLoss);
            });
            // the candidate was heard before the loss
            assertThat(events).anySatisfy(e -> {
                assertThat(e.path("type").asText()).isEqualTo("final");
                assertThat(e.path("channel").asText()).isEqualTo("me");
            });

            // stored, with both channels, its questions, and the devices it listened to
            Matcher m = Pattern.compile("session (\\d+) stored").matcher(stderr);
            assertThat(m.find()).as(stderr).isTrue();
            StringWriter sOut = new StringWriter();
            int exit = Cli.commandLine(new PrintWriter(sOut, true), new PrintWriter(new StringWriter(), true))
                    .execute("debrief", "show", m.group(1), "--json");
            assertThat(exit).isZero();
            JsonNode session = JSON.readTree(sOut.toString());
            assertThat(session.path("kind").asText()).isEqualTo("live");
            assertThat(session.path("themDevice").asText()).isEqualTo("system (call.monitor)");
            assertThat(session.path("meDevice").asText()).isEqualTo("headset.monitor");
            assertThat(session.path("questions").size()).isGreaterThanOrEqualTo(4);
            List<String> channels = new ArrayList<>();
            session.path("utterances").forEach(u -> channels.add(u.path("channel").asText()));
            assertThat(channels).contains("them", "me");

            // no capture stream is left on the server, and no helper process outlived the command
            assertThat(pulse.captureStreams()).isEmpty();
            assertThat(helpers).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                    .orElse(false)).as("helper " + pid + " reaped").isFalse());
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor();
            }
        }
    }

    @Test
    void evenAKilledCommandLeavesNoCaptureBehind() throws Exception {
        pulse.addSink("killed_call", "Call");
        pulse.setDefaultSink("killed_call");
        Path out = tmp.resolve("killed.jsonl");
        Path err = tmp.resolve("killed.err");
        Process p = listen(out, err, "--them", "system", "--json", "--no-save", "--offline");
        List<Long> helpers;
        try {
            awaitCapture(p, err);
            helpers = p.descendants().map(ProcessHandle::pid).toList();
            assertThat(helpers).isNotEmpty();
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook runs
            p.waitFor();
        }
        // parec ends at its next write into the closed pipe; pactl subscribe's wrapper when its input closes
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (helpers.stream().anyMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                || !pulse.captureStreams().isEmpty()) {
            assertThat(System.nanoTime()).as("helpers still running: " + helpers).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void aStopSignalToTheWholeCommandEndsItWithoutReportingTheDeviceLost() throws Exception {
        pulse.addSink("ctrl_c_call", "Call");
        pulse.setDefaultSink("ctrl_c_call");
        Path out = tmp.resolve("ctrl-c.jsonl");
        Path err = tmp.resolve("ctrl-c.err");
        // its own process group, as a terminal gives a command: Ctrl+C (or `timeout`'s TERM) reaches parec and
        // the JVM together; TERM here, as a background test run may have SIGINT ignored
        List<String> cmd = new ArrayList<>(List.of("setsid", Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                "-Dcuecard.models.dir=" + System.getProperty("cuecard.models.dir"),
                "-Dcuecard.home=" + System.getProperty("cuecard.home"),
                "dev.cuecard.Main", "listen", "--them", "system", "--json", "--no-save", "--offline"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("PULSE_SERVER", pulse.server());
        Process p = pb.start();
        try {
            awaitCapture(p, err);
            Thread.sleep(2000); // capturing for a while, as a session does
            Process group = new ProcessBuilder("kill", "-TERM", "--", "-" + p.pid()).start();
            assertThat(group.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(events(out)).as(read(err)).noneMatch(e -> isStatus(e, "them", "lost"));
            assertThat(read(err)).doesNotContain("stopped delivering audio")
                    .as("no microphone here: said, not silent").contains("me channel off: no microphone found");
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor();
            }
        }
    }

    /** Until the sound server has a capture stream of {@code p}'s (it loads the models first: up to minutes). */
    private void awaitCapture(Process p, Path err) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (pulse.captureStreams().isEmpty()) {
            assertThat(p.isAlive()).as(() -> "listen exited: " + read(err)).isTrue();
            assertThat(System.nanoTime()).as(() -> "never captured; stderr: " + read(err)).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The line sharing the most words with what a card heard. */
    private static Line bestMatch(List<Line> lines, String heard) {
        java.util.Set<String> words = new java.util.HashSet<>(List.of(heard.split(" ")));
        return lines.stream().max(java.util.Comparator.comparingLong(l -> java.util.Arrays.stream(l.text().split(" "))
                .filter(words::contains).count())).orElseThrow();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
