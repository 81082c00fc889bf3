package dev.cuecard.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.asr.VoskSpeechRecognizer;
import dev.cuecard.pipeline.NamedThreadFactory;
import dev.cuecard.testing.Pcm;
import dev.cuecard.testing.PulseDaemon;
import dev.cuecard.testing.SpeechFixtures;
import dev.cuecard.testing.WordErrorRate;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sound.sampled.Mixer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live capture through a real PulseAudio server (private to this test, null sinks as outputs) with
 * the real parec and paplay: what the default output plays is heard and recognised, sources are
 * listed one line each, a device that goes away is reported and comes back, a stream the server
 * moves elsewhere is never heard, and every helper process is reaped.
 */
class PulseCaptureTest {
    @TempDir
    static Path tmp;
    static PulseDaemon pulse;

    @BeforeAll
    static void startServer() throws Exception {
        Optional<String> missing = PulseDaemon.unavailableReason();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "live capture tests skipped: " + missing.orElse(""));
        pulse = PulseDaemon.start(tmp.resolve("pulse"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (pulse != null) {
            pulse.close();
        }
    }

    private static final List<CaptureDevice> NO_JAVA_SOUND = List.of();

    private static DeviceCatalog catalog(List<CaptureDevice> javaSound) {
        return new DeviceCatalog(Optional.of(new SoundServer(pulse.env())), false, () -> javaSound,
                new NamedThreadFactory("test-audio"));
    }

    static CaptureDevice javaDevice(String name, String description) {
        return new CaptureDevice(name, description, List.of("PCM_SIGNED 16-bit mono 16000 Hz LE"),
                new Mixer.Info(name, "test", description, "1") { });
    }

    /** Everything one live source delivered, and what it reported. */
    static final class Captured {
        final ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        final List<String> statuses = new ArrayList<>();
        long nextSample;
        int chunks;
        int longestChunkMs;

        /** Reads until {@code until} is true (checked after each chunk) or 30 s passed. */
        void readUntil(AudioSource source, BooleanSupplier until) throws AudioSourceException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!until.getAsBoolean() && System.nanoTime() < deadline) {
                AudioChunk c = source.read();
                assertThat(c).as("a live source does not end while open").isNotNull();
                assertThat(c.startSample()).as("chunks are contiguous").isEqualTo(nextSample);
                nextSample += c.sampleCount();
                chunks++;
                longestChunkMs = (int) Math.max(longestChunkMs, c.endMs() - c.startMs());
                pcm.writeBytes(c.pcm());
            }
            assertThat(until.getAsBoolean()).as("condition reached within 30 s; statuses " + statuses).isTrue();
        }

        void readMs(AudioSource source, long ms) throws AudioSourceException {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
            readUntil(source, () -> System.nanoTime() >= end);
        }

        /** Reads while a player runs, then one more second (the tail of the sound). */
        void readWhile(AudioSource source, Process player) throws AudioSourceException, InterruptedException {
            readUntil(source, () -> !player.isAlive());
            player.waitFor();
            readMs(source, 1000);
        }

        int mark() {
            return pcm.size() / 2;
        }

        double rmsFrom(int sample) {
            short[] s = Pcm.toShorts(pcm.toByteArray());
            return Pcm.rms(s, sample, s.length);
        }

        void listen(AudioSource source) {
            source.setDeviceStatusListener((change, message, atMs) -> statuses.add(change + ": " + message));
        }
    }

    private static String transcribe(byte[] pcm) {
        List<String> finals = new ArrayList<>();
        try (VoskSpeechRecognizer r = new VoskSpeechRecognizer(SpeechFixtures.model(), Channel.THEM)) {
            int step = 3200;
            for (int i = 0; i < pcm.length; i += step) {
                byte[] part = java.util.Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + step));
                r.accept(new AudioChunk(part, i / 2), e -> {
                    if (e.isFinal()) {
                        finals.add(e.text());
                    }
                });
            }
            r.finish(e -> finals.add(e.text()));
        } catch (dev.cuecard.asr.ModelException e) {
            throw new IllegalStateException(e);
        }
        return String.join(" ", finals);
    }

    @Test
    void listsEverySourceOnOneLineWithMonitorsMarkedAndTheAliasesFirst() throws Exception {
        int call = pulse.addSink("ls_call", "Video_call");
        int other = pulse.addSink("ls_other", "Speakers");
        try {
            pulse.setDefaultSink("ls_call");
            DeviceCatalog catalog = catalog(List.of(javaDevice("USB Mic [plughw:1,0]", "Direct Audio Device:\nUSB Mic")));
            List<AudioDevice> all = catalog.list();
            assertThat(catalog.notice()).isEmpty();
            assertThat(all.get(0).name()).isEqualTo(DeviceCatalog.SYSTEM);
            assertThat(all.get(0).description()).contains("ls_call.monitor");
            assertThat(all).filteredOn(d -> d.name().equals("ls_call.monitor")).singleElement()
                    .satisfies(d -> {
                        assertThat(d.systemAudio()).isTrue();
                        assertThat(d.isDefault()).isTrue();
                        assertThat(d.description()).contains("Video_call");
                        assertThat(d.line()).contains("system audio").contains("default output");
                    });
            assertThat(all).filteredOn(d -> d.name().equals("ls_other.monitor")).singleElement()
                    .satisfies(d -> assertThat(d.isDefault()).isFalse());
            // a Java Sound device is one line too, however many formats it offers
            assertThat(all).filteredOn(d -> d.backend() == AudioDevice.Backend.JAVA_SOUND).singleElement()
                    .satisfies(d -> assertThat(d.line()).contains("USB Mic [plughw:1,0]").contains("Java Sound"));
            assertThat(all).allSatisfy(d -> assertThat(d.line()).doesNotContain("\n"));
            // no microphone on this server: no "default" alias, and "me" gets no monitor by default
            assertThat(all).noneMatch(d -> d.name().equals(DeviceCatalog.DEFAULT));
            assertThat(catalog.defaultFor(Channel.THEM)).contains(DeviceCatalog.SYSTEM);
            assertThat(catalog.defaultFor(Channel.ME)).isEmpty();
            assertThatThrownBy(() -> catalog.open(DeviceCatalog.DEFAULT)).isInstanceOf(AudioSourceException.class)
                    .hasMessageContaining("no microphone");
        } finally {
            pulse.unload(call);
            pulse.unload(other);
        }
    }

    /**
     * QA (twentieth session): pactl's JSON rejects a non-ASCII description ("Invalid non-ASCII character")
     * and writes "(null)", so a headset called "Kopfhörer" was listed as "(null)". The bytes are made by
     * the shell's printf, so the JVM's own encoding of arguments cannot turn them into '?'.
     */
    @Test
    void aDeviceWithANonAsciiDescriptionIsListedByItsDescription() throws Exception {
        PulseDaemon.Result r = pulse.run("sh", "-c", "pactl load-module module-null-sink sink_name=na_call "
                + "sink_properties=device.description=$(printf 'Kopfh\\303\\266rer')");
        assertThat(r.exit()).as(r.out()).isZero();
        int call = Integer.parseInt(r.out().strip());
        try {
            List<AudioDevice> all = catalog(List.of()).list();
            assertThat(all).filteredOn(d -> d.name().equals("na_call.monitor")).singleElement()
                    .satisfies(d -> assertThat(d.description()).contains("Kopfh\u00f6rer").doesNotContain("(null)"));
        } finally {
            pulse.unload(call);
        }
    }

    /**
     * An idle sink's monitor delivers its first audio up to ~2 s after the stream connects; counted
     * from the first byte, positions ran that far behind the wall clock (and the other channel) for
     * the whole session. That time is silence, so position p is heard at start + p.
     */
    @Test
    void positionsFollowTheWallClockFromTheFirstRead() throws Exception {
        int call = pulse.addSink("clock_call", "Call");
        try {
            pulse.setDefaultSink("clock_call");
            Captured got = new Captured();
            try (AudioSource system = catalog(NO_JAVA_SOUND).open("system")) {
                long t0 = System.nanoTime();
                got.readMs(system, 3000);
                long wallMs = (System.nanoTime() - t0) / 1_000_000;
                assertThat(PcmFormat.samplesToMs(got.nextSample)).as("audio position after %d ms", wallMs)
                        .isBetween(wallMs - 250, wallMs + 50);
            }
            assertThat(got.longestChunkMs).isLessThanOrEqualTo(100);
        } finally {
            pulse.unload(call);
        }
    }

    @Test
    void systemHearsWhatTheDefaultOutputPlaysIn16kHzMonoChunksOf100MsAtMost() throws Exception {
        int call = pulse.addSink("sys_call", "Call");
        try {
            pulse.setDefaultSink("sys_call");
            SpeechFixtures.Fixture f = SpeechFixtures.get("rate-limiter-slt");
            Captured got = new Captured();
            try (AudioSource system = catalog(NO_JAVA_SOUND).open("system")) {
                assertThat(system.describe()).isEqualTo("system (sys_call.monitor)");
                got.readMs(system, 300);
                got.readWhile(system, pulse.play("sys_call", f.wav()));
            }
            assertThat(got.longestChunkMs).isLessThanOrEqualTo(100);
            String heard = transcribe(got.pcm.toByteArray());
            // the capture is transparent: recognised as well as the file itself (whose own errors,
            // "or a limiter" for "rate limiter", are the recogniser's)
            java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
            try (WavFileSource wav = new WavFileSource(f.wav(), Double.POSITIVE_INFINITY)) {
                for (AudioChunk c = wav.read(); c != null; c = wav.read()) {
                    file.writeBytes(c.pcm());
                }
            }
            String direct = transcribe(file.toByteArray());
            assertThat(WordErrorRate.rate(f.text(), heard)).as("heard live: " + heard + "; from the file: " + direct)
                    .isLessThanOrEqualTo(WordErrorRate.rate(f.text(), direct) + 0.1);
        } finally {
            pulse.unload(call);
        }
    }

    @Test
    void aNamedSourceThatGoesAwayIsReportedGivesSilenceAndIsHeardAgainWhenBack() throws Exception {
        int mic = pulse.addSink("loss_mic", "Headset");
        int keep = pulse.addSink("loss_keep", "Speakers");
        pulse.setDefaultSink("loss_keep");
        Captured got = new Captured();
        try (AudioSource source = catalog(NO_JAVA_SOUND).open("loss_mic.monitor")) {
            got.listen(source);
            got.readMs(source, 300);
            pulse.unload(mic); // the headset is unplugged
            got.readUntil(source, () -> got.statuses.stream().anyMatch(s -> s.startsWith("LOST")));
            int during = got.mark();
            got.readMs(source, 500);
            assertThat(got.rmsFrom(during)).as("silence while the device is gone").isZero();
            mic = pulse.addSink("loss_mic", "Headset"); // plugged in again
            got.readUntil(source, () -> got.statuses.stream().anyMatch(s -> s.startsWith("BACK")));
            int after = got.mark();
            got.readWhile(source, pulse.play("loss_mic", SpeechFixtures.wav("hear-me-slt")));
            assertThat(got.rmsFrom(after)).as("heard again once back").isGreaterThan(0.01);
            assertThat(got.statuses.get(0)).contains("loss_mic.monitor").contains("kept");
        } finally {
            pulse.unload(mic);
            pulse.unload(keep);
        }
    }

    @Test
    void aStreamTheServerMovesToAnotherDeviceIsNeverHeard() throws Exception {
        int call = pulse.addSink("mv_call", "Call");
        int micSink = pulse.addSink("mv_mic", "Microphone");
        // where the server moves streams whose device vanished: its default source, here "the microphone"
        pulse.run("pactl", "set-default-source", "mv_mic.monitor");
        Captured got = new Captured();
        Process talking = pulse.play("mv_mic", SpeechFixtures.wav("queue-awb")); // the user speaking, ~4 s
        try (AudioSource source = catalog(NO_JAVA_SOUND).open("mv_call.monitor")) {
            got.listen(source);
            got.readMs(source, 300);
            pulse.unload(call);
            got.readUntil(source, () -> got.statuses.stream().anyMatch(s -> s.startsWith("LOST")));
            got.readUntil(source, () -> !talking.isAlive());
            // nothing ever played into the call: any sound at all would be the microphone
            assertThat(got.rmsFrom(0)).as("the microphone the stream was moved to is not heard").isZero();
        } finally {
            talking.waitFor();
            pulse.unload(micSink);
        }
    }

    @Test
    void systemFollowsTheDefaultOutputWhenTheUserSwitchesIt() throws Exception {
        int speakers = pulse.addSink("sw_speakers", "Speakers");
        int headset = pulse.addSink("sw_headset", "Headset");
        pulse.setDefaultSink("sw_speakers");
        Captured got = new Captured();
        try (AudioSource system = catalog(NO_JAVA_SOUND).open("system")) {
            got.listen(system);
            got.readMs(system, 300);
            pulse.setDefaultSink("sw_headset");
            got.readUntil(system, () -> got.statuses.stream().anyMatch(s -> s.startsWith("SWITCHED")));
            assertThat(got.statuses).last().asString().contains("sw_headset.monitor");
            int after = got.mark();
            got.readWhile(system, pulse.play("sw_headset", SpeechFixtures.wav("hear-me-slt")));
            assertThat(got.rmsFrom(after)).isGreaterThan(0.01);
        } finally {
            pulse.unload(speakers);
            pulse.unload(headset);
        }
    }

    @Test
    void closingStopsAndReapsEveryHelperProcess() throws Exception {
        int call = pulse.addSink("reap_call", "Call");
        try {
            pulse.setDefaultSink("reap_call");
            PulseSource source = (PulseSource) catalog(NO_JAVA_SOUND).open("system");
            assertThat(pulse.captureStreams()).as("nothing captured before the first read").isEmpty();
            assertThat(source.read()).isNotNull();
            long pid = source.parecPid().orElseThrow();
            assertThat(pulse.captureStreams()).hasSize(1);
            source.close();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(ChildProcess.running()).isZero();
            assertThat(pulse.captureStreams()).isEmpty();
            assertThat(source.read()).as("a closed source ends").isNull();
        } finally {
            pulse.unload(call);
        }
    }
}
