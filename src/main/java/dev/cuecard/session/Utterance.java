package dev.cuecard.session;

import dev.cuecard.audio.Channel;

/**
 * One final recognition result of a channel, as stored: audio times in ms since the channel started.
 *
 * @param typed an answer typed in practice: its times only place it on the timeline, nothing was timed
 */
public record Utterance(Channel channel, long startMs, long endMs, String text, boolean typed) {
    public Utterance(Channel channel, long startMs, long endMs, String text) {
        this(channel, startMs, endMs, text, false);
    }

    /** A typed practice answer, placed on the timeline as if it were said. */
    public static Utterance typed(Channel channel, long startMs, long endMs, String text) {
        return new Utterance(channel, startMs, endMs, text, true);
    }

    public long durationMs() {
        return Math.max(0, endMs - startMs);
    }
}
