package dev.cuecard.audio;

/**
 * Makes the interviewer's audio look like what the recogniser was trained on before it is
 * recognised: a high-pass removes hum and DC offset (call audio often carries them), and a slow
 * automatic gain brings quiet calls up to a normal speech level (and loud ones down) without
 * pumping on pauses. Clipped input cannot be repaired; the gain never adds clipping of its own.
 * Not thread-safe: one per channel, used on its recognizer thread.
 */
public final class CallAudioConditioner {
    /** High-pass corner: below the lowest voice fundamentals, above mains hum and rumble. */
    static final double HIGH_PASS_HZ = 80;
    /** Target speech level (RMS, full scale = 1). */
    static final double TARGET_RMS = 0.1;
    static final double MAX_GAIN = 10; // +20 dB
    static final double MIN_GAIN = 0.5; // -6 dB
    /** Frames quieter than this are not speech and do not move the gain (silence is not amplified). */
    static final double SPEECH_FLOOR_RMS = 0.0015; // -56 dBFS
    private static final int FRAME = 160; // 10 ms
    /** Per 10 ms frame: rises over ~0.5 s, falls over ~0.2 s (a loud burst is tamed quickly). */
    private static final double RISE = 0.02;
    private static final double FALL = 0.05;

    private final double alpha = 1 / (1 + 2 * Math.PI * HIGH_PASS_HZ / PcmFormat.SAMPLE_RATE);
    private double previousIn;
    private double previousOut;
    private double gain = 1;

    public double gain() {
        return gain;
    }

    /** A conditioned copy of the chunk (same position in the audio). */
    public AudioChunk process(AudioChunk chunk) {
        byte[] in = chunk.pcm();
        int n = in.length / 2;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double s = (short) ((in[2 * i] & 0xff) | (in[2 * i + 1] << 8)) / 32768.0;
            double y = alpha * (previousOut + s - previousIn);
            previousIn = s;
            previousOut = y;
            x[i] = y;
        }
        byte[] out = new byte[in.length];
        for (int start = 0; start < n; start += FRAME) {
            int end = Math.min(n, start + FRAME);
            double energy = 0;
            for (int i = start; i < end; i++) {
                energy += x[i] * x[i];
            }
            double rms = Math.sqrt(energy / Math.max(1, end - start));
            if (rms > SPEECH_FLOOR_RMS) {
                double wanted = Math.max(MIN_GAIN, Math.min(MAX_GAIN, TARGET_RMS / rms));
                gain += (wanted - gain) * (wanted > gain ? RISE : FALL);
            }
            double peak = 0;
            for (int i = start; i < end; i++) {
                peak = Math.max(peak, Math.abs(x[i]));
            }
            // never push a frame into clipping: the recogniser hears clipping as noise
            double g = peak * gain > 0.98 ? 0.98 / peak : gain;
            for (int i = start; i < end; i++) {
                int v = (int) Math.round(x[i] * g * 32767);
                v = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
                out[2 * i] = (byte) v;
                out[2 * i + 1] = (byte) (v >> 8);
            }
        }
        return new AudioChunk(out, chunk.startSample());
    }
}
