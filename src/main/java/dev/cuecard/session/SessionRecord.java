package dev.cuecard.session;

import java.time.Instant;
import java.util.Optional;

/** Everything stored about a session itself (its contents are in {@link SessionDetail}). */
public record SessionRecord(long id, SessionKind kind, SessionStatus status, Instant startedAt,
                            Optional<Instant> endedAt, String title, String themDevice, String meDevice,
                            String speechModel, String llmModel, long llmInputTokens, long llmOutputTokens,
                            double llmCostUsd, String note) {
}
