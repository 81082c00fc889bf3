package dev.cuecard.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuecard.testing.Pcm;
import dev.cuecard.testing.Recordings;
import dev.cuecard.testing.SpeechFixtures;
import dev.cuecard.testing.WordErrorRate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFileSourceTest {
    @TempDir
    Path tmp;

    private static List<AudioChunk> readAll(WavFileSource source) throws AudioSourceException {
        List<AudioChunk> chunks = new ArrayList<>();
        AudioChunk c;
        while ((c = source.read()) != null) {
            chunks.add(c);
        }
        source.close();
        return chunks;
    }

    @Test
    void deliversContiguousHundredMillisecondChunks() throws Exception {
        Path wav = SpeechFixtures.wav("hear-me-slt");
        short[] samples = Pcm.readMono16(wav);
        List<AudioChunk> chunks = readAll(new WavFileSource(wav, Double.POSITIVE_INFINITY));
        long expectedStart = 0;
        for (int i = 0; i < chunks.size(); i++) {
            AudioChunk c = chunks.get(i);
            assertThat(c.startSample()).isEqualTo(expectedStart);
            if (i < chunks.size() - 1) {
                assertThat(c.sampleCount()).isEqualTo(1600);
            }
            expectedStart += c.sampleCount();
        }
        assertThat(expectedStart).isEqualTo(samples.length);
    }

    @Test
    void fortyFourKilohertzStereoGivesTheSameWordsAsSixteenKilohertzMono() throws Exception {
        String mono = Recordings.finalText(new WavFileSource(SpeechFixtures.wav("tell-me-slt"), Double.POSITIVE_INFINITY));
        WavFileSource stereoSource = new WavFileSource(SpeechFixtures.wav("tell-me-slt-44k-stereo"),
                Double.POSITIVE_INFINITY);
        assertThat(stereoSource.sourceFormat().getSampleRate()).isEqualTo(44100f);
        assertThat(stereoSource.sourceFormat().getChannels()).isEqualTo(2);
        String stereo = Recordings.finalText(stereoSource);
        assertThat(stereo).isEqualTo(mono);
        assertThat(WordErrorRate.rate(SpeechFixtures.get("tell-me-slt").text(), stereo)).isLessThanOrEqualTo(0.1);
    }

    @Test
    void eightAndTwentyFourBitFilesAreRecognisedLikeTheOriginal() throws Exception {
        SpeechFixtures.Fixture f = SpeechFixtures.get("tell-me-slt");
        short[] s = Pcm.readMono16(f.wav());
        byte[] b24 = new byte[s.length * 3];
        byte[] u8 = new byte[s.length];
        for (int i = 0; i < s.length; i++) {
            int v = s[i] << 8;
            b24[3 * i] = (byte) v;
            b24[3 * i + 1] = (byte) (v >> 8);
            b24[3 * i + 2] = (byte) (v >> 16);
            u8[i] = (byte) ((s[i] >> 8) + 128);
        }
        Path wav24 = tmp.resolve("t24.wav");
        Path wav8 = tmp.resolve("t8.wav");
        Pcm.writeWav(wav24, new AudioFormat(16000, 24, 1, true, false), b24);
        Pcm.writeWav(wav8, new AudioFormat(16000, 8, 1, false, false), u8);
        String original = Recordings.finalText(new WavFileSource(f.wav(), Double.POSITIVE_INFINITY));
        assertThat(Recordings.finalText(new WavFileSource(wav24, Double.POSITIVE_INFINITY))).isEqualTo(original);
        assertThat(WordErrorRate.rate(original,
                Recordings.finalText(new WavFileSource(wav8, Double.POSITIVE_INFINITY)))).isLessThanOrEqualTo(0.2);
    }

    @Test
    void pacedReplayIsNotFasterThanTheRequestedSpeed() throws Exception {
        Path wav = SpeechFixtures.wav("hear-me-slt");
        long audioMs = Pcm.readMono16(wav).length / 16;
        long t0 = System.nanoTime();
        readAll(new WavFileSource(wav, 4.0));
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        // a lower bound only: sleeping can overrun on a busy machine, never undershoot
        assertThat(elapsedMs).isGreaterThanOrEqualTo(audioMs / 4 - 10);
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> new WavFileSource(tmp.resolve("nope.wav"), 1))
                .isInstanceOf(AudioSourceException.class).hasMessageContaining("file not found");
    }

    @Test
    void notAWavFileSaysHowToConvert() throws Exception {
        Path txt = Files.writeString(tmp.resolve("notes.wav"), "this is not audio at all, just text\n".repeat(20));
        assertThatThrownBy(() -> new WavFileSource(txt, 1))
                .isInstanceOf(AudioSourceException.class).hasMessageContaining("not a PCM WAV").hasMessageContaining("sox");
    }

    @Test
    void emptyAndTruncatedFilesAreClearErrors() throws Exception {
        Path empty = Files.write(tmp.resolve("empty.wav"), new byte[0]);
        assertThatThrownBy(() -> new WavFileSource(empty, 1))
                .isInstanceOf(AudioSourceException.class).hasMessageContaining("empty");
        byte[] whole = Files.readAllBytes(SpeechFixtures.wav("hear-me-slt"));
        Path header = Files.write(tmp.resolve("header-only.wav"), java.util.Arrays.copyOf(whole, 44));
        // refused on opening, before anything (a session) is made for it
        assertThatThrownBy(() -> new WavFileSource(header, Double.POSITIVE_INFINITY))
                .isInstanceOf(AudioSourceException.class).hasMessageContaining("contains no audio samples")
                .hasMessageContaining("nothing follows it");
        Path cut = Files.write(tmp.resolve("half.wav"), java.util.Arrays.copyOf(whole, 20));
        assertThatThrownBy(() -> new WavFileSource(cut, 1)).isInstanceOf(AudioSourceException.class);
    }

    /** A header whose 'fmt ' size is near 4 GB wrapped the chunk walk's int position: exit 70, "unexpected error". */
    @Test
    void aHeaderWhoseChunkSizeLiesIsAClearError() throws Exception {
        byte[] wav = Files.readAllBytes(SpeechFixtures.wav("hear-me-slt"));
        java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(16, 0xFFFF_FFF0); // 'fmt ' size
        Path lying = Files.write(tmp.resolve("lying.wav"), wav);
        assertThatThrownBy(() -> new WavFileSource(lying, 1))
                .isInstanceOf(AudioSourceException.class)
                .hasMessageContaining("damaged or cut-off WAV header").hasMessageContaining("'fmt '");
    }

    /** A header giving 0 Hz or 13-bit samples was refused as "unsupported sample rate 0.0 Hz": no file, no fix. */
    @Test
    void aHeaderWithAnImpossibleFormatNamesTheFileAndTheFix() throws Exception {
        byte[] wav = Files.readAllBytes(SpeechFixtures.wav("hear-me-slt"));
        java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(24, 0); // sample rate
        Path zeroRate = Files.write(tmp.resolve("zero-rate.wav"), wav);
        assertThatThrownBy(() -> new WavFileSource(zeroRate, 1))
                .isInstanceOf(AudioSourceException.class)
                .hasMessageStartingWith(zeroRate + ": unsupported sample rate")
                .hasMessageContaining("sox " + zeroRate + " -r 16000 -c 1 -b 16 -e signed-integer out.wav");
    }

    @Test
    void directoryIsRefused() {
        assertThatThrownBy(() -> new WavFileSource(tmp, 1))
                .isInstanceOf(AudioSourceException.class).hasMessageContaining("not a readable file");
    }
}
