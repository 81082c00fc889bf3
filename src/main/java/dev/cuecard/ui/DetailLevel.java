package dev.cuecard.ui;

import java.util.Locale;

/** How much of the card the overlay shows; stepped with the detail hotkeys. */
public enum DetailLevel {
    ONE_LINE,
    OUTLINE,
    DETAIL;

    public DetailLevel more() {
        return this == ONE_LINE ? OUTLINE : DETAIL;
    }

    public DetailLevel less() {
        return this == DETAIL ? OUTLINE : ONE_LINE;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DetailLevel fromId(String id) {
        for (DetailLevel l : values()) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        return OUTLINE;
    }
}
