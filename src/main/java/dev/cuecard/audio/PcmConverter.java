package dev.cuecard.audio;

import javax.sound.sampled.AudioFormat;

/**
 * Converts any linear PCM stream (8/16/24/32-bit integer or 32/64-bit float, any rate, any
 * channel count, either byte order) to 16 kHz mono s16le. Channels are averaged to mono.
 * Feed it arbitrary byte slices: partial frames are carried over to the next call.
 */
public final class PcmConverter {
    private final AudioFormat source;
    private final int frameSize;
    private final int bytesPerSample;
    private final int channels;
    private final boolean passThrough;
    private final Resampler resampler;
    private final byte[] carry;
    private int carried;

    public PcmConverter(AudioFormat source) throws AudioSourceException {
        this.source = source;
        AudioFormat.Encoding enc = source.getEncoding();
        int bits = source.getSampleSizeInBits();
        boolean intPcm = enc == AudioFormat.Encoding.PCM_SIGNED || enc == AudioFormat.Encoding.PCM_UNSIGNED;
        boolean floatPcm = enc == AudioFormat.Encoding.PCM_FLOAT;
        if (!intPcm && !floatPcm) {
            throw new AudioSourceException("unsupported audio encoding " + enc
                    + "; convert it to PCM WAV first (e.g. sox in.wav -e signed-integer out.wav)");
        }
        if ((intPcm && bits != 8 && bits != 16 && bits != 24 && bits != 32)
                || (floatPcm && bits != 32 && bits != 64)) {
            throw new AudioSourceException("unsupported sample size " + bits + " bits for " + enc);
        }
        this.channels = source.getChannels();
        if (channels < 1) {
            throw new AudioSourceException("audio has no channels");
        }
        float rate = source.getSampleRate();
        if (!(rate >= 4000 && rate <= 384_000)) {
            throw new AudioSourceException("unsupported sample rate " + rate + " Hz (4 kHz to 384 kHz)");
        }
        this.bytesPerSample = bits / 8;
        this.frameSize = bytesPerSample * channels;
        this.passThrough = PcmFormat.isTarget(source);
        this.resampler = rate == PcmFormat.SAMPLE_RATE ? null : new Resampler(rate, PcmFormat.SAMPLE_RATE);
        this.carry = new byte[frameSize];
    }

    public AudioFormat sourceFormat() {
        return source;
    }

    /** Converts {@code len} bytes of source audio; returns target bytes (possibly empty). */
    public byte[] convert(byte[] data, int len) {
        if (passThrough && carried == 0 && len % 2 == 0) {
            return java.util.Arrays.copyOf(data, len);
        }
        int total = carried + len;
        int frames = total / frameSize;
        float[] mono = new float[frames];
        int f = 0;
        int offset = 0;
        if (carried > 0) {
            int need = frameSize - carried;
            if (len < need) {
                System.arraycopy(data, 0, carry, carried, len);
                carried += len;
                return new byte[0];
            }
            System.arraycopy(data, 0, carry, carried, need);
            mono[f++] = decodeFrame(carry, 0);
            offset = need;
            carried = 0;
        }
        while (offset + frameSize <= len) {
            mono[f++] = decodeFrame(data, offset);
            offset += frameSize;
        }
        carried = len - offset;
        System.arraycopy(data, offset, carry, 0, carried);
        float[] out = resampler == null ? mono : resampler.process(mono, f);
        return encode(out, resampler == null ? f : out.length);
    }

    /** Emits whatever the resampler still holds at the end of the stream. */
    public byte[] flush() {
        carried = 0;
        if (resampler == null) {
            return new byte[0];
        }
        float[] out = resampler.flush();
        return encode(out, out.length);
    }

    private float decodeFrame(byte[] b, int offset) {
        double sum = 0;
        for (int c = 0; c < channels; c++) {
            sum += decodeSample(b, offset + c * bytesPerSample);
        }
        return (float) (sum / channels);
    }

    private double decodeSample(byte[] b, int o) {
        boolean big = source.isBigEndian();
        AudioFormat.Encoding enc = source.getEncoding();
        if (enc == AudioFormat.Encoding.PCM_FLOAT) {
            long bits = 0;
            for (int i = 0; i < bytesPerSample; i++) {
                int idx = big ? o + i : o + bytesPerSample - 1 - i;
                bits = (bits << 8) | (b[idx] & 0xff);
            }
            return bytesPerSample == 4 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
        }
        if (bytesPerSample == 1) {
            int v = b[o];
            return enc == AudioFormat.Encoding.PCM_UNSIGNED ? ((v & 0xff) - 128) / 128.0 : v / 128.0;
        }
        long v = 0;
        for (int i = 0; i < bytesPerSample; i++) {
            int idx = big ? o + i : o + bytesPerSample - 1 - i;
            v = (v << 8) | (b[idx] & 0xff);
        }
        int shift = 64 - 8 * bytesPerSample;
        long signed = (v << shift) >> shift;
        double full = Math.pow(2, 8 * bytesPerSample - 1);
        if (enc == AudioFormat.Encoding.PCM_UNSIGNED) {
            return (v - full) / full;
        }
        return signed / full;
    }

    private static byte[] encode(float[] samples, int count) {
        byte[] out = new byte[count * 2];
        for (int i = 0; i < count; i++) {
            float s = samples[i];
            int v = Math.round(Math.max(-1f, Math.min(1f, s)) * 32767f);
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
        return out;
    }
}
