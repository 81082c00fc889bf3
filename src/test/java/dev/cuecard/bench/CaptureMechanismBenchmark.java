package dev.cuecard.bench;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import dev.cuecard.pipeline.NamedThreadFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

/**
 * How to capture from PulseAudio (issue 13): {@code parec} as a child process vs libpulse-simple in
 * process through JNA. Plays a 20 ms tone burst every 500 ms into a sink with {@code pacat} (written
 * in 10 ms blocks paced by the wall clock), captures the sink's monitor at 16 kHz mono s16le with
 * the chosen mechanism(s), and reports, per burst, the wall time from writing it to the player to
 * reading it back (this includes the player's own ~10 ms buffer, the same for every mechanism), plus
 * the CPU time of this JVM and of the capture child.
 *
 * <pre>
 *   CaptureMechanismBenchmark MODE SECONDS SINK [FRAGMENT_MS]     MODE: parec | jna | both | none
 * </pre>
 * The sound server is found through the environment (XDG_RUNTIME_DIR or PULSE_SERVER), as by the
 * app. Run by bench/capture-mechanism.sh, which starts a private PulseAudio daemon.
 */
public final class CaptureMechanismBenchmark {
    private static final int RATE = 16_000;
    private static final int PERIOD_MS = 500;
    private static final int BURST_MS = 20;
    private static final int THRESHOLD = 4000;

    /** The smallest libpulse-simple binding that captures. */
    public interface PulseSimple extends Library {
        int PA_STREAM_RECORD = 2;
        int PA_SAMPLE_S16LE = 3;

        Pointer pa_simple_new(String server, String name, int dir, String dev, String streamName, SampleSpec ss,
                              Pointer map, BufferAttr attr, IntByReference error);

        int pa_simple_read(Pointer s, byte[] data, NativeLong bytes, IntByReference error);

        void pa_simple_free(Pointer s);
    }

    @Structure.FieldOrder({"format", "rate", "channels"})
    public static class SampleSpec extends Structure {
        public int format;
        public int rate;
        public byte channels;
    }

    @Structure.FieldOrder({"maxlength", "tlength", "prebuf", "minreq", "fragsize"})
    public static class BufferAttr extends Structure {
        public int maxlength = -1;
        public int tlength = -1;
        public int prebuf = -1;
        public int minreq = -1;
        public int fragsize = -1;
    }

    /** Nanotime at which each burst was written (index = burst number). */
    private static final List<Long> written = new ArrayList<>();

    /** Detects bursts in one captured stream and records when each was read. */
    private static final class Detector {
        final String name;
        final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
        long quietSamples = RATE; // start "quiet"
        long reads;
        long bytes;

        Detector(String name) {
            this.name = name;
        }

        void accept(byte[] b, int n, long nowNanos) {
            reads++;
            bytes += n;
            boolean loud = false;
            for (int i = 0; i + 1 < n; i += 2) {
                int s = (short) ((b[i] & 0xff) | (b[i + 1] << 8));
                if (Math.abs(s) > THRESHOLD) {
                    loud = true;
                    break;
                }
            }
            if (loud && quietSamples > RATE / 10) {
                arrivals.add(nowNanos);
            }
            quietSamples = loud ? 0 : quietSamples + n / 2;
        }
    }

    private CaptureMechanismBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int seconds = Integer.parseInt(args[1]);
        String sink = args[2];
        int fragmentMs = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        String source = sink + ".monitor";
        NamedThreadFactory threads = new NamedThreadFactory("bench");
        List<Detector> detectors = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        List<Process> children = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(mode.equals("both") ? 2 : mode.equals("none") ? 0 : 1);
        volatileStop = false;

        if (mode.equals("parec") || mode.equals("both")) {
            Detector d = new Detector("parec");
            detectors.add(d);
            Process p = new ProcessBuilder("parec", "-d", source, "--rate=" + RATE, "--channels=1", "--format=s16le",
                    "--latency-msec=" + fragmentMs, "--raw", "--client-name=cuecard-bench").start();
            children.add(p);
            Thread t = threads.newThread(() -> {
                byte[] buf = new byte[RATE * 2 / 10];
                try (InputStream in = p.getInputStream()) {
                    ready.countDown();
                    int n;
                    while (!volatileStop && (n = in.read(buf)) > 0) {
                        d.accept(buf, n, System.nanoTime());
                    }
                } catch (IOException e) {
                    // stopped
                }
            });
            readers.add(t);
        }
        if (mode.equals("jna") || mode.equals("both")) {
            Detector d = new Detector("jna");
            detectors.add(d);
            PulseSimple pa = Native.load("pulse-simple", PulseSimple.class);
            Thread t = threads.newThread(() -> {
                SampleSpec ss = new SampleSpec();
                ss.format = PulseSimple.PA_SAMPLE_S16LE;
                ss.rate = RATE;
                ss.channels = 1;
                BufferAttr attr = new BufferAttr();
                attr.fragsize = RATE * 2 * fragmentMs / 1000;
                IntByReference err = new IntByReference();
                Pointer s = pa.pa_simple_new(null, "cuecard-bench", PulseSimple.PA_STREAM_RECORD, source, "capture", ss,
                        null, attr, err);
                if (s == null) {
                    System.err.println("pa_simple_new failed: error " + err.getValue());
                    ready.countDown();
                    return;
                }
                ready.countDown();
                byte[] buf = new byte[attr.fragsize];
                try {
                    while (!volatileStop) {
                        if (pa.pa_simple_read(s, buf, new NativeLong(buf.length), err) < 0) {
                            System.err.println("pa_simple_read failed: error " + err.getValue());
                            break;
                        }
                        d.accept(buf, buf.length, System.nanoTime());
                    }
                } finally {
                    pa.pa_simple_free(s);
                }
            });
            readers.add(t);
        }
        readers.forEach(Thread::start);
        ready.await();
        Thread.sleep(500); // streams connected and running

        long cpu0 = selfCpuTicks();
        long wall0 = System.nanoTime();
        play(sink, seconds);
        long wall1 = System.nanoTime();
        long cpu1 = selfCpuTicks();
        List<Long> childCpu = new ArrayList<>();
        for (Process p : children) {
            childCpu.add(cpuTicks(p.pid()));
        }
        volatileStop = true;
        for (Process p : children) {
            p.destroy();
            p.waitFor();
        }
        for (Thread t : readers) {
            t.join(2000);
        }
        double wallS = (wall1 - wall0) / 1e9;
        System.out.printf(Locale.ROOT, "mode %s, %d s, fragment %d ms, %d bursts written%n", mode, seconds, fragmentMs,
                written.size());
        System.out.printf(Locale.ROOT, "JVM CPU during capture: %.2f s (%.1f %% of one core)%n",
                (cpu1 - cpu0) / 100.0, 100.0 * (cpu1 - cpu0) / 100.0 / wallS);
        for (int i = 0; i < children.size(); i++) {
            System.out.printf(Locale.ROOT, "parec child CPU (whole life): %.2f s (%.1f %% of one core)%n",
                    childCpu.get(i) / 100.0, 100.0 * childCpu.get(i) / 100.0 / (wallS + 0.5));
        }
        List<List<Long>> perBurst = new ArrayList<>();
        for (Detector d : detectors) {
            List<Long> lat = new ArrayList<>();
            List<Long> byBurst = new ArrayList<>();
            perBurst.add(byBurst);
            List<Long> arrivals = new ArrayList<>(d.arrivals);
            int j = 0;
            for (long w : written) {
                while (j < arrivals.size() && arrivals.get(j) < w) {
                    j++;
                }
                if (j < arrivals.size() && arrivals.get(j) - w < PERIOD_MS * 1_000_000L) {
                    lat.add((arrivals.get(j) - w) / 1000);
                    byBurst.add((arrivals.get(j) - w) / 1000);
                    j++;
                } else {
                    byBurst.add(null);
                }
            }
            lat.sort(null);
            System.out.printf(Locale.ROOT, "%s: %d/%d bursts heard; write→read latency median %.1f ms, p90 %.1f ms, "
                            + "max %.1f ms; %d reads of %.0f bytes on average%n", d.name, lat.size(), written.size(),
                    pct(lat, 0.5), pct(lat, 0.9), pct(lat, 1.0), d.reads, d.reads == 0 ? 0.0 : (double) d.bytes / d.reads);
        }
        if (perBurst.size() == 2) {
            List<Long> diff = new ArrayList<>();
            for (int i = 0; i < written.size(); i++) {
                Long a = perBurst.get(0).get(i);
                Long b = perBurst.get(1).get(i);
                if (a != null && b != null) {
                    diff.add(a - b);
                }
            }
            diff.sort(null);
            System.out.printf(Locale.ROOT, "same burst, parec minus jna: median %+.1f ms, p10 %+.1f ms, p90 %+.1f ms%n",
                    pct(diff, 0.5), pct(diff, 0.1), pct(diff, 0.9));
        }
    }

    private static volatile boolean volatileStop;

    private static double pct(List<Long> sortedMicros, double p) {
        if (sortedMicros.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sortedMicros.size());
        return sortedMicros.get(Math.max(0, Math.min(sortedMicros.size() - 1, rank - 1))) / 1000.0;
    }

    /** Writes silence with a tone burst every PERIOD_MS, 10 ms at a time at wall-clock pace. */
    private static void play(String sink, int seconds) throws IOException, InterruptedException {
        Process player = new ProcessBuilder("pacat", "--playback", "-d", sink, "--rate=" + RATE, "--channels=1",
                "--format=s16le", "--latency-msec=" + System.getProperty("player.latency", "10"), "--raw").start();
        int block = RATE / 100;
        byte[] silence = new byte[block * 2];
        byte[] tone = new byte[block * 2];
        for (int i = 0; i < block; i++) {
            short s = (short) (16000 * Math.sin(2 * Math.PI * 1000 * i / RATE));
            tone[2 * i] = (byte) s;
            tone[2 * i + 1] = (byte) (s >> 8);
        }
        // let the player connect first: data written before its stream runs would wait in its buffer
        // for the whole run and be counted as latency
        Thread.sleep(1000);
        long start = System.nanoTime();
        int blocks = seconds * 100;
        try (OutputStream out = player.getOutputStream()) {
            for (int b = 0; b < blocks; b++) {
                long due = start + b * 10_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                }
                int inPeriod = (b * 10) % PERIOD_MS;
                boolean burst = b * 10 >= PERIOD_MS && inPeriod < BURST_MS;
                if (burst && inPeriod == 0) {
                    written.add(System.nanoTime());
                }
                out.write(burst ? tone : silence);
                out.flush();
            }
        }
        player.waitFor();
    }

    private static long selfCpuTicks() throws IOException {
        return cpuTicks(ProcessHandle.current().pid());
    }

    /** utime + stime in clock ticks (1/100 s) from /proc/PID/stat. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
