package dev.cuecard.audio;

/**
 * A piece of 16 kHz mono s16le PCM and where it starts in the source's audio.
 *
 * @param pcm         little-endian samples; length is even
 * @param startSample index of the first sample since the source started
 */
public record AudioChunk(byte[] pcm, long startSample) {

    public int sampleCount() {
        return pcm.length / PcmFormat.BYTES_PER_SAMPLE;
    }

    public long startMs() {
        return PcmFormat.samplesToMs(startSample);
    }

    public long endMs() {
        return PcmFormat.samplesToMs(startSample + sampleCount());
    }
}
