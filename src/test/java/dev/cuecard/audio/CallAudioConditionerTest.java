package dev.cuecard.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallAudioConditionerTest {
    private static AudioChunk tone(double amplitude, double dc, long startSample, int samples) {
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            double s = dc + amplitude * Math.sin(2 * Math.PI * 300 * (startSample + i) / 16000.0);
            int v = (int) Math.round(Math.max(-1, Math.min(1, s)) * 32767);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        return new AudioChunk(pcm, startSample);
    }

    private static double rms(AudioChunk c) {
        double e = 0;
        int n = c.sampleCount();
        for (int i = 0; i < n; i++) {
            double s = (short) ((c.pcm()[2 * i] & 0xff) | (c.pcm()[2 * i + 1] << 8)) / 32768.0;
            e += s * s;
        }
        return Math.sqrt(e / n);
    }

    private static double mean(AudioChunk c) {
        double m = 0;
        for (int i = 0; i < c.sampleCount(); i++) {
            m += (short) ((c.pcm()[2 * i] & 0xff) | (c.pcm()[2 * i + 1] << 8)) / 32768.0;
        }
        return m / c.sampleCount();
    }

    @Test
    void aQuietCallIsBroughtUpTowardsSpeechLevelOverAboutASecond() {
        CallAudioConditioner c = new CallAudioConditioner();
        AudioChunk out = null;
        for (int k = 0; k < 30; k++) { // 3 s of a -37 dB tone
            out = c.process(tone(0.02, 0, k * 1600L, 1600));
        }
        assertThat(rms(out)).isGreaterThan(0.07).isLessThan(0.13);
        assertThat(out.startSample()).isEqualTo(29 * 1600L);
    }

    @Test
    void silenceIsNotAmplifiedAndHumAndDcAreRemoved() {
        CallAudioConditioner c = new CallAudioConditioner();
        AudioChunk out = null;
        for (int k = 0; k < 20; k++) {
            out = c.process(tone(0.0005, 0.2, k * 1600L, 1600)); // a DC offset under near-silence
        }
        assertThat(c.gain()).isLessThan(1.1); // only the first 10 ms (the offset switching on) moved it
        assertThat(Math.abs(mean(out))).isLessThan(0.002);
    }

    @Test
    void aLoudCallIsNeverPushedIntoClipping() {
        CallAudioConditioner c = new CallAudioConditioner();
        for (int k = 0; k < 30; k++) {
            AudioChunk out = c.process(tone(0.9, 0, k * 1600L, 1600));
            for (int i = 0; i < out.sampleCount(); i++) {
                short s = (short) ((out.pcm()[2 * i] & 0xff) | (out.pcm()[2 * i + 1] << 8));
                assertThat(Math.abs((int) s)).isLessThan(32767);
            }
        }
        assertThat(c.gain()).isLessThan(1.0);
    }
}
