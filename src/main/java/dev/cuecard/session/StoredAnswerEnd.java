package dev.cuecard.session;

import java.util.Optional;

/** How the answer to question {@code seq} was delivered, as the live coach measured it when it ended. */
public record StoredAnswerEnd(int seq, long durationMs, double wordsPerMinute, int fillers, Optional<String> followUp,
                              long atMs) {
}
