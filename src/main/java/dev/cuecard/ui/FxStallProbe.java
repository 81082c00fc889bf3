package dev.cuecard.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread goes without rendering a frame: pulses come every ~16.7 ms when
 * idle, so the longest gap between frames shows the worst stall the user could see. Beside each
 * gap it notes the CPU time the FX thread itself used in it: on a machine short of CPU the gaps
 * grow with the load, the FX thread's own work per frame does not — that is what moving work off
 * the FX thread reduces. A gap over 50 ms is logged with the renderer thread's CPU in it too: a
 * frame the FX thread waits for while the renderer paints it shows there. Gaps can be split into
 * named phases (start-up, demo, debrief, practice); a gap counts towards the phase in which it
 * ends. FX thread only.
 */
public final class FxStallProbe extends AnimationTimer {
    private static final long STALL_NANOS = 50_000_000L;
    private long last = -1;
    private long first = -1;
    private final List<PhaseReport> done = new ArrayList<>();
    private String phase = "running";
    private long phaseStart = -1;
    private final java.lang.management.ThreadMXBean cpuClock = java.lang.management.ManagementFactory.getThreadMXBean();
    private long lastCpu = -1;
    /** The renderer thread's id (JavaFX names it QuantumRenderer-0): -2 until looked up, -1 if not found. */
    private long renderer = -2;
    private long lastRendererCpu = -1;
    private long[] gaps = new long[4096];
    private long[] cpu = new long[4096];
    private int count;
    private long frames;
    private long allFrames;
    private long maxGapNanos;
    private long over50;

    @Override
    public void handle(long now) {
        if (first < 0) {
            first = now;
        }
        if (phaseStart < 0) {
            phaseStart = now;
        }
        long cpuNow = cpuClock.getCurrentThreadCpuTime();
        long rendererCpu = rendererCpu();
        if (last > 0) {
            long gap = now - last;
            if (count == gaps.length) {
                gaps = Arrays.copyOf(gaps, count * 2);
                cpu = Arrays.copyOf(cpu, count * 2);
            }
            cpu[count] = lastCpu < 0 || cpuNow < 0 ? 0 : cpuNow - lastCpu;
            gaps[count++] = gap;
            maxGapNanos = Math.max(maxGapNanos, gap);
            if (gap > STALL_NANOS) {
                over50++;
                long painting = lastRendererCpu < 0 || rendererCpu < 0 ? -1 : (rendererCpu - lastRendererCpu) / 1_000_000;
                org.slf4j.LoggerFactory.getLogger(FxStallProbe.class).info(
                        "FX frame gap {} ms at {} ms ({}), FX thread's own CPU {} ms, renderer's {} ms",
                        gap / 1_000_000, (now - first) / 1_000_000, phase, cpu[count - 1] / 1_000_000, painting);
            }
        }
        last = now;
        lastCpu = cpuNow;
        lastRendererCpu = rendererCpu;
        frames++;
        allFrames++;
    }

    private long rendererCpu() {
        if (renderer == -2) {
            renderer = -1;
            for (java.lang.management.ThreadInfo t : cpuClock.getThreadInfo(cpuClock.getAllThreadIds())) {
                if (t != null && t.getThreadName().startsWith("QuantumRenderer")) {
                    renderer = t.getThreadId();
                }
            }
        }
        return renderer < 0 ? -1 : cpuClock.getThreadCpuTime(renderer);
    }

    /** Ends the current phase and starts counting gaps towards {@code name}. */
    public void phase(String name) {
        if (frames > 0 || count > 0) {
            done.add(current());
        }
        phase = name;
        phaseStart = -1;
        count = 0;
        frames = 0;
    }

    private PhaseReport current() {
        long[] sorted = Arrays.copyOf(gaps, count);
        Arrays.sort(sorted);
        long[] sortedCpu = Arrays.copyOf(cpu, count);
        Arrays.sort(sortedCpu);
        long stalls = Arrays.stream(sorted).filter(g -> g > STALL_NANOS).count();
        double seconds = phaseStart < 0 || last < 0 ? 0 : (last - phaseStart) / 1e9;
        return new PhaseReport(phase, frames, seconds, p99(sorted), max(sorted), stalls, p99(sortedCpu),
                max(sortedCpu));
    }

    private double p99(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(0.99 * sorted.length) - 1)] / 1e6;
    }

    private double max(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6;
    }

    /**
     * One phase: how many frames over how long; the 99th percentile and the longest gap between
     * frames; the 99th percentile and the most CPU time the FX thread used within one gap.
     */
    public record PhaseReport(String name, long frames, double seconds, double p99GapMs, double maxGapMs,
                              long gapsOver50ms, double p99FxCpuMs, double maxFxCpuMs) {
    }

    /** What the probe saw: over the whole run, and per phase (in order). */
    public record Report(long frames, double maxGapMs, long gapsOver50ms, List<PhaseReport> phases) {
    }

    public Report report() {
        List<PhaseReport> phases = new ArrayList<>(done);
        if (frames > 0 || count > 0) {
            phases.add(current());
        }
        return new Report(allFrames, maxGapNanos / 1e6, over50, List.copyOf(phases));
    }
}
