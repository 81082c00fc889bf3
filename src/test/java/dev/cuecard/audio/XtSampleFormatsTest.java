package dev.cuecard.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.testing.Pcm;
import dev.cuecard.testing.SpeechFixtures;
import dev.cuecard.testing.WordErrorRate;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import xt.audio.Enums.XtSample;

/**
 * Windows WASAPI loopback delivers XT-Audio's interleaved buffers in the output's mix format; these
 * are the bytes it hands over turned into 16 kHz mono by the same converter (no Windows needed).
 */
class XtSampleFormatsTest {

    /** Encodes mono 16 kHz speech as XT-Audio would deliver it: {@code rate}, {@code channels}, {@code sample}. */
    private static byte[] asXtBuffer(short[] speech16k, XtSample sample, int rate, int channels) {
        int frames = (int) ((long) speech16k.length * rate / 16_000);
        int size = XtSampleFormats.bytesPerSample(sample);
        ByteBuffer b = ByteBuffer.allocate(frames * channels * size).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < frames; f++) {
            // nearest-sample upsampling is enough here: speech stays below 8 kHz
            double v = speech16k[(int) ((long) f * 16_000 / rate)] / 32768.0;
            for (int c = 0; c < channels; c++) {
                double s = c == 1 ? v * 0.8 : v; // the right channel a little quieter, as on a real mix
                switch (sample) {
                    case FLOAT32 -> b.putFloat((float) s);
                    case INT16 -> b.putShort((short) Math.round(s * 32767));
                    case INT32 -> b.putInt((int) Math.round(s * Integer.MAX_VALUE));
                    case INT24 -> {
                        int x = (int) Math.round(s * 8_388_607);
                        b.put((byte) x).put((byte) (x >> 8)).put((byte) (x >> 16));
                    }
                    case UINT8 -> b.put((byte) (Math.round(s * 127) + 128));
                }
            }
        }
        return b.array();
    }

    private static short[] convert(byte[] data, XtSample sample, int rate, int channels) throws Exception {
        PcmConverter c = new PcmConverter(XtSampleFormats.audioFormat(sample, rate, channels));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = rate / 100 * channels * XtSampleFormats.bytesPerSample(sample) + 3; // ~10 ms, frames split
        for (int off = 0; off < data.length; off += buffer) {
            int len = Math.min(buffer, data.length - off);
            out.writeBytes(c.convert(java.util.Arrays.copyOfRange(data, off, off + len), len));
        }
        out.writeBytes(c.flush());
        return Pcm.toShorts(out.toByteArray());
    }

    @Test
    void theUsualWasapiMixOf48kHzStereoFloatBecomes16kHzMonoThatIsStillRecognised() throws Exception {
        SpeechFixtures.Fixture f = SpeechFixtures.get("tell-me-slt");
        short[] speech = Pcm.readMono16(f.wav());
        short[] mono = convert(asXtBuffer(speech, XtSample.FLOAT32, 48_000, 2), XtSample.FLOAT32, 48_000, 2);
        assertThat(mono.length).isCloseTo(speech.length, org.assertj.core.data.Percentage.withPercentage(0.5));
        // both channels averaged: 0.9 of the original level
        double ratio = Pcm.rms(mono, 0, mono.length) / Pcm.rms(speech, 0, speech.length);
        assertThat(ratio).isBetween(0.85, 0.95);
        String heard = dev.cuecard.testing.Recordings.finalText(new ChunkedSource(mono));
        assertThat(WordErrorRate.rate(f.text(), heard)).as(heard).isLessThan(0.2);
    }

    @Test
    void everyXtSampleTypeDecodesToTheSameSignal() throws Exception {
        short[] speech = Pcm.readMono16(SpeechFixtures.wav("hear-me-slt"));
        short[] reference = convert(asXtBuffer(speech, XtSample.FLOAT32, 44_100, 1), XtSample.FLOAT32, 44_100, 1);
        for (XtSample s : new XtSample[] {XtSample.INT16, XtSample.INT24, XtSample.INT32, XtSample.UINT8}) {
            short[] got = convert(asXtBuffer(speech, s, 44_100, 1), s, 44_100, 1);
            assertThat(got.length).as(s.toString()).isEqualTo(reference.length);
            double err = 0;
            for (int i = 0; i < got.length; i++) {
                err += Math.abs(got[i] - reference[i]);
            }
            // 8-bit keeps ~7 bits; the others are exact to the 16-bit output
            assertThat(err / got.length).as(s.toString()).isLessThan(s == XtSample.UINT8 ? 200 : 2);
        }
    }

    @Test
    void theLoopbackEndpointIsTheDefaultOutputsIdWithTheLoopbackType() {
        assertThat(XtSampleFormats.loopbackId("{0.0.0.00000000}.{a1b2}.{1}")).isEqualTo("{0.0.0.00000000}.{a1b2}.{4}");
        assertThat(XtSampleFormats.loopbackId("endpoint")).isEqualTo("endpoint.{4}");
    }

    /** 16 kHz mono samples as a finite source, 100 ms a chunk. */
    static final class ChunkedSource implements AudioSource {
        private final byte[] pcm;
        private int at;

        ChunkedSource(short[] samples) {
            this.pcm = Pcm.toBytes(samples);
        }

        @Override
        public String describe() {
            return "xt buffer";
        }

        @Override
        public boolean isLive() {
            return false;
        }

        @Override
        public AudioChunk read() {
            if (at >= pcm.length) {
                return null;
            }
            int n = Math.min(3200, pcm.length - at);
            AudioChunk c = new AudioChunk(java.util.Arrays.copyOfRange(pcm, at, at + n), at / 2);
            at += n;
            return c;
        }

        @Override
        public void close() {
        }
    }
}
