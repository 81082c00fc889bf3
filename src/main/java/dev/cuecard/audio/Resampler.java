package dev.cuecard.audio;

import java.util.Arrays;

/**
 * Streaming band-limited resampler (windowed sinc, Blackman window) for mono float audio.
 * Output sample k sits at input time k * inRate / outRate, so audio timings are preserved.
 * When downsampling the cut-off follows the output Nyquist frequency to avoid aliasing.
 */
final class Resampler {
    private static final int ZERO_CROSSINGS = 12;

    private final double step;
    private final double cutoff;
    private final int halfWidth;
    private float[] buffer;
    private int length;
    private double pos;

    Resampler(double inRate, double outRate) {
        this.step = inRate / outRate;
        this.cutoff = Math.min(1.0, outRate / inRate) * 0.92;
        this.halfWidth = (int) Math.ceil(ZERO_CROSSINGS / cutoff);
        this.buffer = new float[Math.max(4096, 4 * halfWidth)];
        // leading zeros so the first output lines up with input sample 0
        this.length = halfWidth;
        this.pos = halfWidth;
    }

    float[] process(float[] in, int count) {
        ensureCapacity(length + count);
        System.arraycopy(in, 0, buffer, length, count);
        length += count;
        return drain();
    }

    /** Pads the tail with silence so the last input samples are emitted. */
    float[] flush() {
        float[] zeros = new float[halfWidth + 1];
        float[] out = process(zeros, zeros.length);
        return out;
    }

    private float[] drain() {
        int capacity = (int) Math.max(0, Math.ceil((length - halfWidth - pos) / step)) + 1;
        float[] out = new float[capacity];
        int produced = 0;
        while (pos + halfWidth < length && produced < capacity) {
            out[produced++] = sampleAt(pos);
            pos += step;
        }
        int keepFrom = Math.max(0, (int) Math.floor(pos) - halfWidth);
        if (keepFrom > 0) {
            System.arraycopy(buffer, keepFrom, buffer, 0, length - keepFrom);
            length -= keepFrom;
            pos -= keepFrom;
        }
        return produced == capacity ? out : Arrays.copyOf(out, produced);
    }

    private float sampleAt(double t) {
        int center = (int) Math.floor(t);
        double acc = 0;
        for (int k = center - halfWidth + 1; k <= center + halfWidth; k++) {
            if (k < 0 || k >= length) {
                continue;
            }
            double x = t - k;
            acc += buffer[k] * kernel(x);
        }
        return (float) acc;
    }

    private double kernel(double x) {
        double w = x / halfWidth;
        if (Math.abs(w) >= 1) {
            return 0;
        }
        double arg = Math.PI * cutoff * x;
        double sinc = Math.abs(arg) < 1e-9 ? 1.0 : Math.sin(arg) / arg;
        double a = Math.PI * (w + 1);
        double blackman = 0.42 - 0.5 * Math.cos(a) + 0.08 * Math.cos(2 * a);
        return cutoff * sinc * blackman;
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }
}
