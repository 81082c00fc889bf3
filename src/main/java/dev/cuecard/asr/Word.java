package dev.cuecard.asr;

/** One recognised word with its place in the audio (ms since the channel started). */
public record Word(String text, long startMs, long endMs, double confidence) {
}
