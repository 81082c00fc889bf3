package dev.cuecard.session;

import dev.cuecard.hint.Hint;
import java.util.Optional;

/**
 * A hint that was shown.
 *
 * @param shownMs   audio position when it was shown
 * @param latencyMs from the end of the question (as heard) to the hint
 */
public record StoredHint(long id, long questionId, String source, Hint hint, long shownMs,
                         Optional<Long> latencyMs) {
}
