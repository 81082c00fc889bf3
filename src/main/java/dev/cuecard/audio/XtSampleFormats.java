package dev.cuecard.audio;

import javax.sound.sampled.AudioFormat;
import xt.audio.Enums.XtSample;

/**
 * The byte layout of XT-Audio's interleaved buffers (little-endian on Windows x64) as a Java Sound
 * format, so {@link PcmConverter} turns what WASAPI loopback delivers (usually 48 kHz stereo
 * float) into 16 kHz mono s16le.
 */
final class XtSampleFormats {
    private XtSampleFormats() {
    }

    static int bytesPerSample(XtSample sample) {
        return switch (sample) {
            case UINT8 -> 1;
            case INT16 -> 2;
            case INT24 -> 3;
            case INT32, FLOAT32 -> 4;
        };
    }

    static AudioFormat audioFormat(XtSample sample, int rate, int channels) {
        int bits = bytesPerSample(sample) * 8;
        AudioFormat.Encoding encoding = switch (sample) {
            case UINT8 -> AudioFormat.Encoding.PCM_UNSIGNED;
            case FLOAT32 -> AudioFormat.Encoding.PCM_FLOAT;
            default -> AudioFormat.Encoding.PCM_SIGNED;
        };
        return new AudioFormat(encoding, rate, bits, channels, bits / 8 * channels, rate, false);
    }

    /**
     * XT-Audio names a WASAPI endpoint "{endpoint id}.{type}"; type 1 is the shared render
     * endpoint (what {@code getDefaultDeviceId(true)} returns) and 4 its loopback capture.
     */
    static String loopbackId(String outputId) {
        int dot = outputId.lastIndexOf(".{");
        String endpoint = dot >= 0 && outputId.endsWith("}") ? outputId.substring(0, dot) : outputId;
        return endpoint + ".{4}";
    }
}
