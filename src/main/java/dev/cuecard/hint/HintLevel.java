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

    /** One step more detail, stopping at DETAIL (the "more detail" hotkey). */
    public HintLevel more() {
        return this == ONE_LINE ? OUTLINE : DETAIL;
    }

    /** One step less detail, stopping at ONE_LINE. */
    public HintLevel less() {
        return this == DETAIL ? OUTLINE : ONE_LINE;
    }

    /** The id used in settings: one_line, outline, detail. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The level for a settings id; OUTLINE when unknown. */
    public static HintLevel fromId(String id) {
        for (HintLevel l : values()) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        return OUTLINE;
    }

    /** The next level, wrapping from DETAIL back to ONE_LINE. */
    public HintLevel next() {
        return values()[(ordinal() + 1) % values().length];
    }
}
