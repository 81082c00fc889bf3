package dev.cuecard.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.testing.Pcm;
import org.junit.jupiter.api.Test;

class LevelMeterTest {
    @Test
    void sineAtHalfScaleMeasuresItsRmsAndPeak() {
        double[] d = Pcm.sine(440, 16000, 1600, 0.5);
        short[] s = new short[d.length];
        for (int i = 0; i < d.length; i++) {
            s[i] = (short) Math.round(d[i] * 32767);
        }
        AudioLevel level = LevelMeter.measure(Channel.ME, new AudioChunk(Pcm.toBytes(s), 16000));
        assertThat(level.rms()).isBetween(0.35, 0.36);
        assertThat(level.peak()).isBetween(0.49, 0.51);
        assertThat(level.rmsDb()).isBetween(-9.2, -8.9);
        assertThat(level.atMs()).isEqualTo(1100);
        assertThat(level.channel()).isEqualTo(Channel.ME);
    }

    @Test
    void silenceIsTheFloor() {
        AudioLevel level = LevelMeter.measure(Channel.THEM, new AudioChunk(new byte[3200], 0));
        assertThat(level.rms()).isZero();
        assertThat(level.rmsDb()).isEqualTo(-96.0);
    }
}
