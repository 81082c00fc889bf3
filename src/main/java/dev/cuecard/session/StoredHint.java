package dev.cuecard.session;

import dev.cuecard.hint.Hint;
import java.util.Optional;

/**
 * A hint that was shown.
 *
 * @param level     'card' for a whole card; LLM refinements may store other levels
 * @param shownMs   audio position when it was shown
 * @param latencyMs from the end of the question (as heard) to the hint
 */
public record StoredHint(long id, long questionId, String source, String level, Hint hint, long shownMs,
                         Optional<Long> latencyMs) {
}
