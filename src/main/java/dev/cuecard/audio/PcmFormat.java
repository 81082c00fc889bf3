package dev.cuecard.audio;

import javax.sound.sampled.AudioFormat;

/** The one format the recognizer consumes: 16 kHz, mono, signed 16-bit little-endian PCM. */
public final class PcmFormat {
    public static final int SAMPLE_RATE = 16_000;
    public static final int BYTES_PER_SAMPLE = 2;
    public static final AudioFormat TARGET = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);

    private PcmFormat() {
    }

    public static long samplesToMs(long samples) {
        return samples * 1000 / SAMPLE_RATE;
    }

    public static long msToSamples(long ms) {
        return ms * SAMPLE_RATE / 1000;
    }

    public static boolean isTarget(AudioFormat f) {
        return f.getEncoding() == AudioFormat.Encoding.PCM_SIGNED
                && f.getSampleRate() == SAMPLE_RATE
                && f.getChannels() == 1
                && f.getSampleSizeInBits() == 16
                && !f.isBigEndian();
    }
}
