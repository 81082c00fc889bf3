package dev.cuecard.session;

import dev.cuecard.audio.Channel;

/** One final recognition result of a channel, as stored: audio times in ms since the channel started. */
public record Utterance(Channel channel, long startMs, long endMs, String text) {
    public long durationMs() {
        return Math.max(0, endMs - startMs);
    }
}
