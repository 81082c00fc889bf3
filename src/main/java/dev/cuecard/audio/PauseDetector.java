package dev.cuecard.audio;

/**
 * How long the speaker has been quiet, from chunk levels. Speech is anything well above the
 * channel's noise floor, which follows the quietest recent chunks, so it works on digital silence
 * (replays) and on a hissing microphone alike.
 */
public final class PauseDetector {
    /** Speech is this much louder than the floor (about 12 dB). */
    static final double SPEECH_OVER_FLOOR = 4.0;
    /** Absolute level below which a chunk is never speech (−60 dBFS). */
    static final double MIN_SPEECH_RMS = 0.001;
    /** Loud enough to be speech whatever the floor says (−34 dBFS): the floor may start on speech. */
    static final double SURE_SPEECH_RMS = 0.02;

    private double floor = -1;
    private long lastSpeechEndMs = -1;
    private boolean speaking;

    /** Whether the last chunk was speech. */
    public boolean speaking() {
        return speaking;
    }

    /** @return milliseconds of silence up to {@code endMs} (0 while speaking or before any speech) */
    public long update(double rms, long endMs) {
        if (floor < 0 || rms < floor) {
            floor = rms;
        } else {
            floor += (rms - floor) * 0.002; // creeps up slowly if the room gets noisier
        }
        boolean speech = rms > SURE_SPEECH_RMS || rms > Math.max(MIN_SPEECH_RMS, floor * SPEECH_OVER_FLOOR);
        speaking = speech;
        if (speech) {
            lastSpeechEndMs = endMs;
            return 0;
        }
        return lastSpeechEndMs < 0 ? 0 : endMs - lastSpeechEndMs;
    }
}
