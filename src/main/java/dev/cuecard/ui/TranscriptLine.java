package dev.cuecard.ui;

import dev.cuecard.audio.Channel;

/** A settled line of the live transcript. */
public record TranscriptLine(Channel channel, String text, long startMs) {
}
