package dev.cuecard.session;

import java.time.Instant;

/**
 * One search result.
 *
 * @param kind    {@code utterance} (something said) or {@code hint} (something shown)
 * @param channel the speaker (me/them) for an utterance, null for a hint
 * @param atMs    audio position of the hit within its session
 * @param text    the utterance, or the hint's title
 * @param snippet the matching text with the hit words in [brackets]
 */
public record SearchHit(long sessionId, Instant sessionStartedAt, String kind, String channel, long atMs,
                        String text, String snippet) {
}
