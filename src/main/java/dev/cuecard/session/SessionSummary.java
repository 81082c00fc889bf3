package dev.cuecard.session;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored session with its counts, for lists.
 *
 * @param audioMs    the last audio position with speech in it (the session's length as heard)
 * @param lostWrites writes that could not be stored (an incomplete session)
 * @param stopped    how far a stopped session got into its recording
 */
public record SessionSummary(long id, SessionKind kind, SessionStatus status, Instant startedAt,
                             Optional<Instant> endedAt, String title, int questions, int utterances, long audioMs,
                             int lostWrites, Optional<StoppedAt> stopped) {
}
