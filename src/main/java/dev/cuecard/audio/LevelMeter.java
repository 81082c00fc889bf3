package dev.cuecard.audio;

/** Computes RMS and peak of s16le chunks; runs on the capture thread so meters cost the UI nothing. */
public final class LevelMeter {
    private LevelMeter() {
    }

    public static AudioLevel measure(Channel channel, AudioChunk chunk) {
        byte[] pcm = chunk.pcm();
        int n = chunk.sampleCount();
        if (n == 0) {
            return new AudioLevel(channel, 0, 0, chunk.endMs());
        }
        double sumSquares = 0;
        int peak = 0;
        for (int i = 0; i < n; i++) {
            int s = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
            sumSquares += (double) s * s;
            peak = Math.max(peak, Math.abs(s));
        }
        double rms = Math.sqrt(sumSquares / n) / 32768.0;
        return new AudioLevel(channel, rms, Math.min(1.0, peak / 32768.0), chunk.endMs());
    }
}
