package dev.cuecard.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.testing.Pcm;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PauseEndedSourceTest {
    @TempDir
    Path tmp;

    @Test
    void aLongPauseAfterSpeechEndsTheStreamButLeadingSilenceDoesNot() throws Exception {
        // 1 s silence, 1 s tone ("speech"), 3 s silence, 1 s tone that must never be reached
        short[] s = new short[16000 * 6];
        double[] tone = Pcm.sine(300, 16000, 16000, 0.3);
        for (int i = 0; i < 16000; i++) {
            s[16000 + i] = (short) (tone[i] * 32767);
            s[5 * 16000 + i] = (short) (tone[i] * 32767);
        }
        Path wav = tmp.resolve("answer.wav");
        Pcm.writeWav(wav, new AudioFormat(16000, 16, 1, true, false), Pcm.toBytes(s));
        PauseEndedSource source = new PauseEndedSource(new WavFileSource(wav, Double.POSITIVE_INFINITY), 2000);
        long lastEnd = 0;
        AudioChunk c;
        while ((c = source.read()) != null) {
            lastEnd = c.endMs();
        }
        assertThat(source.endedByPause()).isTrue();
        assertThat(lastEnd).isBetween(3900L, 4200L);
    }
}
