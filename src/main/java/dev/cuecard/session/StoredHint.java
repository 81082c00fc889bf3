package dev.cuecard.session;

import dev.cuecard.hint.Hint;
import java.util.Optional;

/**
 * A hint that was shown.
 *
 * @param shownMs   audio position when it was shown
 * @param latencyMs from the end of the question (as heard) to the hint; 0 for a hint shown before it ended
 */
public record StoredHint(long id, long questionId, String source, Hint hint, long shownMs,
                         Optional<Long> latencyMs) {
    /**
     * When it was shown, for people: "by the end of the question" (a card decided while the question
     * was asked is stored at 0, not "0 ms after"), else "N ms after the question"; empty when not known.
     *
     * @param space between the number and "ms" (a no-break space where lines wrap)
     */
    public Optional<String> whenShown(String space) {
        return latencyMs.map(l -> l <= 0 ? "by the end of the question" : l + space + "ms after the question");
    }
}
