package dev.cuecard.audio;

/**
 * Ends another source once the speaker has been quiet for a while after speaking: a spoken practice
 * answer ends by a long pause as well as by the stop button.
 */
public final class PauseEndedSource implements AudioSource {
    private final AudioSource source;
    private final long pauseMs;
    private final PauseDetector pauses = new PauseDetector();
    private boolean ended;

    public PauseEndedSource(AudioSource source, long pauseMs) {
        this.source = source;
        this.pauseMs = pauseMs;
    }

    @Override
    public String describe() {
        return source.describe();
    }

    @Override
    public boolean isLive() {
        return source.isLive();
    }

    @Override
    public AudioChunk read() throws AudioSourceException {
        if (ended) {
            return null;
        }
        AudioChunk chunk = source.read();
        if (chunk == null) {
            return null;
        }
        if (pauses.update(LevelMeter.measure(Channel.ME, chunk).rms(), chunk.endMs()) >= pauseMs) {
            ended = true;
        }
        return chunk;
    }

    /** True once the pause ended the stream (not the underlying source). */
    public boolean endedByPause() {
        return ended;
    }

    @Override
    public void close() {
        source.close();
    }
}
