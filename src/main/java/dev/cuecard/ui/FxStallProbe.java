package dev.cuecard.ui;

import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread goes without rendering a frame: pulses come every ~16.7 ms when
 * idle, so the longest gap between frames shows the worst stall the user could see.
 */
public final class FxStallProbe extends AnimationTimer {
    private long last = -1;
    private long first = -1;
    private long maxGapNanos;
    private long frames;
    private long over50;

    @Override
    public void handle(long now) {
        if (first < 0) {
            first = now;
        }
        if (last > 0) {
            long gap = now - last;
            maxGapNanos = Math.max(maxGapNanos, gap);
            if (gap > 50_000_000L) {
                over50++;
                org.slf4j.LoggerFactory.getLogger(FxStallProbe.class).info("FX frame gap {} ms at {} ms",
                        gap / 1_000_000, (now - first) / 1_000_000);
            }
        }
        last = now;
        frames++;
    }

    /** What the probe saw. */
    public record Report(long frames, double maxGapMs, long gapsOver50ms) {
    }

    public Report report() {
        return new Report(frames, maxGapNanos / 1e6, over50);
    }
}
