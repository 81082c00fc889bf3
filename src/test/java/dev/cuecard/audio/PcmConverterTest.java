package dev.cuecard.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuecard.testing.Pcm;
import dev.cuecard.testing.SpeechFixtures;
import java.io.ByteArrayOutputStream;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;

class PcmConverterTest {

    private static byte[] convertAll(PcmConverter c, byte[] data, int slice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int off = 0; off < data.length; off += slice) {
            int len = Math.min(slice, data.length - off);
            byte[] part = java.util.Arrays.copyOfRange(data, off, off + len);
            out.writeBytes(c.convert(part, len));
        }
        out.writeBytes(c.flush());
        return out.toByteArray();
    }

    @Test
    void targetFormatPassesThroughUnchanged() throws Exception {
        short[] speech = Pcm.readMono16(SpeechFixtures.wav("tell-me-slt"));
        byte[] bytes = Pcm.toBytes(speech);
        byte[] out = convertAll(new PcmConverter(PcmFormat.TARGET), bytes, 3201);
        assertThat(out).isEqualTo(bytes);
    }

    @Test
    void bitDepthsAndByteOrdersDecodeToTheSameSamples() throws Exception {
        short[] speech = Pcm.readMono16(SpeechFixtures.wav("tell-me-slt"));
        // 24-bit big-endian stereo (same signal on both sides), cut into odd slices to split frames
        byte[] b24 = new byte[speech.length * 6];
        for (int i = 0; i < speech.length; i++) {
            int v = speech[i] << 8;
            for (int ch = 0; ch < 2; ch++) {
                int o = i * 6 + ch * 3;
                b24[o] = (byte) (v >> 16);
                b24[o + 1] = (byte) (v >> 8);
                b24[o + 2] = (byte) v;
            }
        }
        short[] back = Pcm.toShorts(convertAll(new PcmConverter(new AudioFormat(16000, 24, 2, true, true)), b24, 1001));
        assertThat(back).isEqualTo(speech);

        // 32-bit float little-endian mono
        byte[] f32 = new byte[speech.length * 4];
        for (int i = 0; i < speech.length; i++) {
            int bits = Float.floatToIntBits(speech[i] / 32768f);
            for (int k = 0; k < 4; k++) {
                f32[i * 4 + k] = (byte) (bits >> (8 * k));
            }
        }
        AudioFormat floatFormat = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, 16000, 32, 1, 4, 16000, false);
        short[] fromFloat = Pcm.toShorts(convertAll(new PcmConverter(floatFormat), f32, 999));
        for (int i = 0; i < speech.length; i++) {
            assertThat(Math.abs(fromFloat[i] - speech[i])).isLessThanOrEqualTo(1);
        }

        // 8-bit unsigned keeps the waveform within 8-bit precision
        byte[] u8 = new byte[speech.length];
        for (int i = 0; i < speech.length; i++) {
            u8[i] = (byte) ((speech[i] >> 8) + 128);
        }
        short[] from8 = Pcm.toShorts(convertAll(new PcmConverter(new AudioFormat(16000, 8, 1, false, false)), u8, 777));
        for (int i = 0; i < speech.length; i++) {
            assertThat(Math.abs(from8[i] - speech[i])).isLessThanOrEqualTo(257);
        }
    }

    @Test
    void stereoIsAveragedToMono() throws Exception {
        // left +0.5, right -0.5 full scale cancel out; left 0.5 right 0.3 average to 0.4
        byte[] frames = new byte[8];
        short l1 = 16384;
        short r1 = -16384;
        short l2 = 16384;
        short r2 = 9830;
        short[] in = {l1, r1, l2, r2};
        System.arraycopy(Pcm.toBytes(in), 0, frames, 0, 8);
        short[] out = Pcm.toShorts(convertAll(new PcmConverter(new AudioFormat(16000, 16, 2, true, false)), frames, 8));
        assertThat(out).hasSize(2);
        assertThat(out[0]).isBetween((short) -1, (short) 1);
        assertThat((int) out[1]).isBetween(13106 - 2, 13106 + 2);
    }

    @Test
    void resamplingKeepsDurationAndInBandTones() throws Exception {
        int inRate = 44_100;
        int n = inRate * 2;
        double[] tone = Pcm.sine(1000, inRate, n, 0.5);
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) Math.round(tone[i] * 32767);
        }
        short[] out = Pcm.toShorts(convertAll(new PcmConverter(new AudioFormat(inRate, 16, 1, true, false)),
                Pcm.toBytes(s), 4410));
        assertThat(out.length).isBetween(32_000 - 2, 32_000 + 2);
        // amplitude kept (RMS of a 0.5 sine is 0.354) away from the edges
        assertThat(Pcm.rms(out, 2000, 30_000)).isBetween(0.34, 0.365);
        // frequency kept: 1 kHz has 2 zero crossings per ms
        int crossings = 0;
        for (int i = 2001; i < 30_000; i++) {
            if ((out[i - 1] < 0) != (out[i] < 0)) {
                crossings++;
            }
        }
        assertThat(crossings).isBetween(3500 - 4, 3500 + 4);
    }

    @Test
    void downsamplingRemovesToneAboveTheNewNyquist() throws Exception {
        int inRate = 48_000;
        int n = inRate;
        double[] tone = Pcm.sine(11_000, inRate, n, 0.5);
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) Math.round(tone[i] * 32767);
        }
        short[] out = Pcm.toShorts(convertAll(new PcmConverter(new AudioFormat(inRate, 16, 1, true, false)),
                Pcm.toBytes(s), 4800));
        // an 11 kHz tone would alias to 5 kHz at 16 kHz; the filter must take it down by 40 dB or more
        assertThat(Pcm.rms(out, 1000, 15_000)).isLessThan(0.354 / 100);
    }

    @Test
    void nonPcmEncodingsAreRefusedWithAHint() {
        AudioFormat ulaw = new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false);
        assertThatThrownBy(() -> new PcmConverter(ulaw))
                .isInstanceOf(AudioSourceException.class)
                .hasMessageContaining("sox");
    }
}
