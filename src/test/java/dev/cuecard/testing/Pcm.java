package dev.cuecard.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Sample helpers for audio tests. */
public final class Pcm {
    private Pcm() {
    }

    public static short[] toShorts(byte[] le16) {
        short[] s = new short[le16.length / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) ((le16[2 * i] & 0xff) | (le16[2 * i + 1] << 8));
        }
        return s;
    }

    public static byte[] toBytes(short[] samples) {
        byte[] b = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            b[2 * i] = (byte) samples[i];
            b[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return b;
    }

    /** A sine at {@code freq} Hz, amplitude 0..1, as floats in [-1, 1]. */
    public static double[] sine(double freq, double rate, int n, double amplitude) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = amplitude * Math.sin(2 * Math.PI * freq * i / rate);
        }
        return d;
    }

    public static double rms(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from)) / 32768.0;
    }

    public static void writeWav(Path file, AudioFormat format, byte[] data) throws IOException {
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(data), format,
                data.length / format.getFrameSize())) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    /** Reads a 16 kHz mono 16-bit WAV's samples. */
    public static short[] readMono16(Path file) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            return toShorts(in.readAllBytes());
        }
    }
}
