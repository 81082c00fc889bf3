package dev.cuecard.audio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures a sound-server source with {@code parec} (16 kHz mono s16le, converted by the server,
 * 20 ms fragments): the monitor of the default output ("system": what the user hears), the default
 * input, or a source by name.
 *
 * <p>Chunks are handed on as soon as 20 ms have arrived, so audio reaches the recognizer within
 * ~20–30 ms of the server having it. When the device goes away (its sink unloaded, a headset
 * unplugged) the source does not end: it reports the loss, delivers silence in real time (so both
 * channels keep one time line and the recognizer closes the utterance it was in — its words are
 * kept), and starts capturing again when the device, or for "system" any default output, is back.
 * "system" also follows the default output when the user switches it. Device changes come from
 * {@code pactl subscribe}; a stream the server moves to another device (PulseAudio moves it to the
 * default source, often the microphone) counts as lost, so the interviewer's channel never hears
 * the microphone.
 */
final class PulseSource implements AudioSource {
    private static final Logger LOG = LoggerFactory.getLogger(PulseSource.class);
    /** The fragment parec asks the server for; the server delivers ~10 ms blocks within it. */
    static final int LATENCY_MS = 20;
    private static final int MIN_CHUNK_BYTES = (int) PcmFormat.msToSamples(Integer.getInteger("cuecard.pulse.chunkMs", LATENCY_MS)) * PcmFormat.BYTES_PER_SAMPLE;
    private static final int MAX_CHUNK_BYTES = (int) PcmFormat.msToSamples(100) * PcmFormat.BYTES_PER_SAMPLE;
    /** While the device is gone: one silent chunk this often. */
    private static final long SILENCE_CHUNK_MS = 100;
    /** While the device is gone and the event watch has ended too (server restarting): look again this often. */
    private static final long RETRY_WITHOUT_EVENTS_MS = 2000;
    private static final String MOVED = "Stream moved to device ";

    /** What to capture. */
    record Target(Kind kind, String name) {
        enum Kind { SYSTEM, DEFAULT_INPUT, NAMED }

        static Target system() {
            return new Target(Kind.SYSTEM, "system");
        }

        static Target defaultInput() {
            return new Target(Kind.DEFAULT_INPUT, "default");
        }

        static Target named(String name) {
            return new Target(Kind.NAMED, name);
        }

        Optional<SoundServer.Source> resolve(SoundServer.State state) {
            return switch (kind) {
                case SYSTEM -> state.systemMonitor();
                case DEFAULT_INPUT -> state.defaultInput();
                case NAMED -> state.source(name);
            };
        }

        String describe(String current) {
            return kind == Kind.NAMED ? name : name + " (" + current + ")";
        }

        String missing() {
            return switch (kind) {
                case SYSTEM -> "the sound server has no output device, so there is no system audio to hear";
                case DEFAULT_INPUT -> "the sound server has no microphone (only monitors of outputs)";
                case NAMED -> "no sound-server source '" + name + "' (see 'cuecard devices')";
            };
        }
    }

    private final SoundServer server;
    private final Target target;
    private final ThreadFactory threads;
    private final String describe;
    /** The source resolved when opened; capture starts on it. */
    private final String first;
    private boolean started;
    private final Object lock = new Object();
    /** The running parec, or null while the device is gone. Guarded by lock. */
    private ChildProcess parec;
    /** The source parec captures. Guarded by lock. */
    private String current;
    /** Set by the event watch when "system" should move to another output's monitor. Guarded by lock. */
    private boolean switching;
    private ChildProcess watch;
    private Thread watchThread;
    private final BlockingQueue<Boolean> changes = new LinkedBlockingQueue<>();
    private volatile boolean closed;
    private volatile DeviceStatusListener status = (c, m, at) -> { };

    private final byte[] buffer = new byte[MAX_CHUNK_BYTES];
    private final StringBuilder stderrLine = new StringBuilder();
    private volatile String lastError = "";
    /** parec reported a move to another device: what it still delivers is not ours. */
    private boolean movedAway;
    private long samplesOut;
    /**
     * When capture began, and whether the first audio has been placed on that clock. The sound server
     * delivers nothing for up to ~2 s after a stream connects (an idle sink renders in large blocks):
     * counted from the first byte, positions ran a steady 2 s behind the wall clock and the other
     * channel. The gap is given as silence, so position p is heard at start + p.
     */
    private long beganNanos;
    private boolean anchored;
    /** The first audio, held while the start-up gap is returned as silence. */
    private byte[] afterGap;
    /** Silence still owed for the start-up gap, in samples. */
    private long gapLeft;
    private boolean lost;
    private long lostAtNanos;
    private long samplesAtLoss;
    private long lastRetryNanos;

    /**
     * Checks the target now (a missing device is an error here); capture starts at the first
     * {@link #read()}, so nothing piles up while the session is still loading its model.
     */
    PulseSource(SoundServer server, Target target, ThreadFactory threads) throws AudioSourceException {
        this.server = server;
        this.target = target;
        this.threads = threads;
        SoundServer.State state;
        try {
            state = server.query();
        } catch (SoundServer.Unavailable e) {
            throw new AudioSourceException(e.getMessage());
        }
        SoundServer.Source source = target.resolve(state).orElseThrow(() -> new AudioSourceException(target.missing()));
        if (!onPath("parec")) {
            throw new AudioSourceException("parec is not installed (Debian/Ubuntu: sudo apt install pulseaudio-utils; "
                    + "Fedora: sudo dnf install pulseaudio-utils)");
        }
        this.describe = target.describe(source.name());
        this.first = source.name();
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private void begin() throws AudioSourceException {
        started = true;
        beganNanos = System.nanoTime();
        try {
            startWatch();
            startParec(first);
        } catch (IOException e) {
            throw new AudioSourceException("sound-server capture could not start (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public boolean isLive() {
        return true;
    }

    @Override
    public void setDeviceStatusListener(DeviceStatusListener listener) {
        this.status = listener;
    }

    /** The source being captured now (empty while the device is gone). */
    Optional<String> currentSource() {
        synchronized (lock) {
            return parec == null ? Optional.empty() : Optional.of(current);
        }
    }

    /** Pid of the running parec (tests check it is reaped). */
    Optional<Long> parecPid() {
        synchronized (lock) {
            return parec == null ? Optional.empty() : Optional.of(parec.pid());
        }
    }

    @Override
    public AudioChunk read() throws AudioSourceException {
        if (!started && !closed) {
            begin();
        }
        while (!closed) {
            if (gapLeft > 0) {
                int samples = (int) Math.min(gapLeft, PcmFormat.msToSamples(SILENCE_CHUNK_MS));
                gapLeft -= samples;
                return chunk(new byte[samples * PcmFormat.BYTES_PER_SAMPLE]);
            }
            if (afterGap != null) {
                byte[] pcm = afterGap;
                afterGap = null;
                return chunk(pcm);
            }
            if (!lost) {
                ChildProcess p;
                synchronized (lock) {
                    p = parec;
                }
                byte[] pcm = p == null ? null : readChunk(p);
                if (pcm != null) {
                    watchStderr(p, true);
                    if (movedAway) {
                        continue; // audio of the device the server moved us to: dropped until parec has ended
                    }
                    gapLeft = startGap(pcm);
                    if (gapLeft > 0) {
                        afterGap = pcm;
                        continue; // the gap first, in chunks of at most 100 ms, then this audio
                    }
                    return chunk(pcm);
                }
                if (closed || ChildProcess.shuttingDown() || !movedAway && stoppingWithUs(p)) {
                    return null; // stopped by close() or by the JVM's exit, not lost
                }
                ended(p);
            } else {
                AudioChunk silence = whileLost();
                if (silence != null) {
                    return silence;
                }
            }
        }
        return null;
    }

    /**
     * Whether parec ended because the terminal's Ctrl+C (or a TERM to the whole process group) reached
     * it first: this JVM got the same signal and is about to stop, so its end is not a device loss
     * (seen: "stopped delivering audio" printed as `listen` was stopped). parec exits 0 on those
     * signals (1 when its device goes away), or 128 + the signal if it did not catch it. Then this
     * waits up to 1 s for the JVM's own stop before calling it a loss.
     */
    private boolean stoppingWithUs(ChildProcess p) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        int code;
        while ((code = p.exitCode()) < 0 && System.nanoTime() < deadline) {
            sleepQuietly(10);
        }
        if (code != 0 && code != 128 + 2 && code != 128 + 15) { // SIGINT, SIGTERM
            return false;
        }
        deadline = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (closed || ChildProcess.shuttingDown()) {
                return true;
            }
            sleepQuietly(20);
        }
        return false;
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads 20–100 ms from parec, or null when it ended. */
    private byte[] readChunk(ChildProcess p) {
        InputStream in = p.stdout();
        int have = 0;
        try {
            while (have < MIN_CHUNK_BYTES || (have < MAX_CHUNK_BYTES && in.available() > 0) || have % 2 != 0) {
                int n = in.read(buffer, have, buffer.length - have);
                if (n < 0) {
                    return null;
                }
                have += n;
            }
        } catch (IOException e) {
            return null; // the pipe closed under the read: parec was stopped
        }
        return Arrays.copyOf(buffer, have);
    }

    /** Samples of silence for the time between the start of capture and the first audio (once; 0 under 100 ms). */
    private long startGap(byte[] first) {
        if (anchored) {
            return 0;
        }
        anchored = true;
        long due = PcmFormat.msToSamples((System.nanoTime() - beganNanos) / 1_000_000);
        long gap = due - samplesOut - first.length / PcmFormat.BYTES_PER_SAMPLE;
        return gap < PcmFormat.msToSamples(100) ? 0 : Math.min(gap, PcmFormat.msToSamples(5000));
    }

    private AudioChunk chunk(byte[] pcm) {
        AudioChunk c = new AudioChunk(pcm, samplesOut);
        samplesOut += c.sampleCount();
        return c;
    }

    /** parec writes its messages on stderr: a move to another device means ours is gone. */
    private void watchStderr(ChildProcess p, boolean handleMoves) {
        try {
            InputStream err = p.stderr();
            int n = err.available();
            if (n <= 0) {
                return;
            }
            for (byte b : err.readNBytes(n)) {
                char c = (char) (b & 0xff);
                if (c == '\n' || c == '\r') {
                    line(p, stderrLine.toString(), handleMoves);
                    stderrLine.setLength(0);
                } else if (stderrLine.length() < 4096) {
                    stderrLine.append(c);
                }
            }
        } catch (IOException e) {
            // parec is gone; the next read ends
        }
    }

    private void line(ChildProcess p, String line, boolean handleMoves) {
        int at = line.indexOf(MOVED);
        if (at >= 0 && handleMoves) {
            String rest = line.substring(at + MOVED.length());
            int paren = rest.indexOf(" (");
            String to = paren < 0 ? rest.strip() : rest.substring(0, paren);
            String was;
            synchronized (lock) {
                was = current;
            }
            if (to.equals(was)) {
                return;
            }
            // "system"/"default" moved by the server to the new default: that is a switch, not a loss
            Optional<SoundServer.Source> wanted = target.kind() == Target.Kind.NAMED ? Optional.empty() : resolve();
            if (wanted.isPresent() && wanted.get().name().equals(to)) {
                synchronized (lock) {
                    current = to;
                }
                status.onDeviceStatus(DeviceStatusListener.Change.SWITCHED, switchedMessage(wanted.get()),
                        PcmFormat.samplesToMs(samplesOut));
                return;
            }
            movedAway = true;
            LOG.info("sound server moved the capture of {} to {}: treated as device loss", was, to);
            lastError = "'" + was + "' went away";
            p.terminate();
        } else if (line.contains("error") || line.contains("failed")) {
            lastError = line.strip();
        }
    }

    private String switchedMessage(SoundServer.Source now) {
        return (target.kind() == Target.Kind.SYSTEM ? "the default output changed: now hearing "
                : "the default input changed: now ") + label(now);
    }

    /** parec ended without close(): switch to the new default output, or report the loss. */
    private void ended(ChildProcess p) {
        if (p != null) {
            drainStderr(p);
            p.close();
        }
        String was;
        boolean switchRequested;
        synchronized (lock) {
            was = current;
            switchRequested = switching;
            switching = false;
            parec = null;
        }
        movedAway = false;
        if (switchRequested) {
            Optional<SoundServer.Source> now = resolve();
            if (now.isPresent() && start(now.get().name())) {
                status.onDeviceStatus(DeviceStatusListener.Change.SWITCHED, switchedMessage(now.get()),
                        PcmFormat.samplesToMs(samplesOut));
                return;
            }
        }
        lost = true;
        lostAtNanos = System.nanoTime();
        lastRetryNanos = lostAtNanos;
        samplesAtLoss = samplesOut;
        String why = lastError.isBlank() ? "" : " (" + lastError + ")";
        status.onDeviceStatus(DeviceStatusListener.Change.LOST, "'" + was + "' stopped delivering audio" + why
                + "; what was heard is kept, and capture resumes when it is back", PcmFormat.samplesToMs(samplesOut));
        lastError = "";
        changes.clear();
        changes.offer(Boolean.TRUE); // look at once: for "system" another output may already be the default
    }

    /** What an ended parec still said: its error, not its moves (the end is handled as loss or switch). */
    private void drainStderr(ChildProcess p) {
        watchStderr(p, false);
        if (!stderrLine.isEmpty()) {
            line(p, stderrLine.toString(), false);
            stderrLine.setLength(0);
        }
    }

    /** While lost: silence up to now, and a new capture once a device event shows the device back. */
    private AudioChunk whileLost() throws AudioSourceException {
        try {
            Boolean changed = changes.poll(SILENCE_CHUNK_MS, TimeUnit.MILLISECONDS);
            if (closed) {
                return null;
            }
            boolean watching = watchThread != null && watchThread.isAlive();
            long now = System.nanoTime();
            if (!watching && now - lastRetryNanos > RETRY_WITHOUT_EVENTS_MS * 1_000_000L) {
                lastRetryNanos = now;
                restartWatch();
                changed = Boolean.TRUE;
            }
            if (changed != null) {
                changes.clear();
                Optional<SoundServer.Source> back = resolve();
                if (back.isPresent() && start(back.get().name())) {
                    lost = false;
                    status.onDeviceStatus(DeviceStatusListener.Change.BACK, "capturing again from " + label(back.get()),
                            PcmFormat.samplesToMs(samplesOut));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AudioSourceException("capture interrupted", e);
        }
        long due = samplesAtLoss + (System.nanoTime() - lostAtNanos) * PcmFormat.SAMPLE_RATE / 1_000_000_000L;
        int samples = (int) Math.min(due - samplesOut, PcmFormat.msToSamples(1000));
        return samples <= 0 ? null : chunk(new byte[samples * PcmFormat.BYTES_PER_SAMPLE]);
    }

    private static String label(SoundServer.Source s) {
        return "'" + s.name() + "'" + (s.description().equals(s.name()) ? "" : " (" + s.description() + ")");
    }

    private Optional<SoundServer.Source> resolve() {
        try {
            return target.resolve(server.query());
        } catch (SoundServer.Unavailable e) {
            lastError = e.getMessage();
            return Optional.empty();
        }
    }

    private boolean start(String source) {
        try {
            startParec(source);
            return true;
        } catch (IOException e) {
            LOG.warn("parec could not start on {}: {}", source, e.getMessage());
            return false;
        }
    }

    private void startParec(String source) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("parec", "-v", "--device=" + source,
                "--rate=" + PcmFormat.SAMPLE_RATE, "--channels=1", "--format=s16le", "--raw",
                "--latency-msec=" + LATENCY_MS, "--client-name=Cuecard", "--stream-name=Cuecard " + target.name()));
        ChildProcess p = ChildProcess.start(cmd, server.environment(), false, threads);
        synchronized (lock) {
            if (closed) {
                p.close();
                return;
            }
            parec = p;
            current = source;
        }
        LOG.info("capturing {} from sound-server source {} (parec pid {})", target.name(), source, p.pid());
    }

    // ---- device events: pactl subscribe --------------------------------------------------------

    private void startWatch() throws IOException {
        ChildProcess w = ChildProcess.start(ChildProcess.tiedToStdin(List.of("pactl", "subscribe")),
                server.environment(), true, threads);
        Thread t = threads.newThread(() -> watch(w));
        t.setName(t.getName() + "-pulse-events-" + target.name());
        synchronized (lock) {
            watch = w;
            watchThread = t;
        }
        t.start();
    }

    private void restartWatch() {
        ChildProcess old;
        synchronized (lock) {
            old = watch;
        }
        if (old != null) {
            old.close();
        }
        try {
            startWatch();
        } catch (IOException e) {
            LOG.debug("pactl subscribe could not start: {}", e.getMessage());
        }
    }

    private void watch(ChildProcess w) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(w.stdout(), StandardCharsets.UTF_8))) {
            String line;
            while (!closed && (line = r.readLine()) != null) {
                // our own pactl runs make client events: only devices and the defaults matter
                if (line.contains(" on sink #") || line.contains(" on source #") || line.contains(" on server")) {
                    onDeviceEvent(line);
                }
            }
        } catch (IOException e) {
            // closed
        } finally {
            w.close();
            changes.offer(Boolean.TRUE); // a lost source notices the watch ended and retries on its own
        }
    }

    private void onDeviceEvent(String line) {
        boolean capturing;
        String was;
        synchronized (lock) {
            capturing = parec != null;
            was = current;
        }
        // "system" and "default" follow the server's defaults; a named source stays what it is
        if (capturing && target.kind() != Target.Kind.NAMED && (line.contains(" on server")
                || line.contains("'new' on") || line.contains("'remove' on"))) {
            Optional<SoundServer.Source> now = resolve();
            if (now.isPresent() && !now.get().name().equals(was)) {
                synchronized (lock) {
                    if (parec != null && was.equals(current)) {
                        switching = true;
                        parec.terminate(); // the capture thread sees the end and switches
                    }
                }
            }
        }
        changes.offer(Boolean.TRUE);
    }

    @Override
    public void close() {
        closed = true;
        ChildProcess p;
        ChildProcess w;
        synchronized (lock) {
            p = parec;
            w = watch;
            parec = null;
            watch = null;
        }
        changes.offer(Boolean.TRUE);
        if (p != null) {
            p.close();
        }
        if (w != null) {
            w.close();
        }
    }
}
