package dev.cuecard.hint;

/**
 * How much of a hint to show: the overlay steps through these (one line while listening, the
 * outline to start answering, the detail when there is time to read).
 */
public enum HintLevel {
    /** The gist only. */
    ONE_LINE,
    /** The gist and the ordered steps of the answer. */
    OUTLINE,
    /** Everything: key points, numbers, pitfalls, follow-ups. */
    DETAIL;

    /** The next level, wrapping from DETAIL back to ONE_LINE. */
    public HintLevel next() {
        return values()[(ordinal() + 1) % values().length];
    }
}
