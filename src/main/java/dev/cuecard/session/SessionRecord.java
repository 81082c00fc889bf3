package dev.cuecard.session;

import java.time.Instant;
import java.util.Optional;

/**
 * Everything stored about a session itself (its contents are in {@link SessionDetail}).
 *
 * @param lostWrites     writes that could not be stored (an {@link SessionStatus#INCOMPLETE} session)
 * @param storageProblem why they were lost, or null
 * @param stopped        how far a {@link SessionStatus#STOPPED} session got into its recording
 */
public record SessionRecord(long id, SessionKind kind, SessionStatus status, Instant startedAt,
                            Optional<Instant> endedAt, String title, String themDevice, String meDevice,
                            String speechModel, String llmModel, long llmInputTokens, long llmOutputTokens,
                            double llmCostUsd, String note, int lostWrites, String storageProblem,
                            Optional<StoppedAt> stopped) {
}
