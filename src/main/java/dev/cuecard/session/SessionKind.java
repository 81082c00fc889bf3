package dev.cuecard.session;

import java.util.Arrays;
import java.util.Locale;

/** How a session came about; the ids are stored in the database. */
public enum SessionKind {
    LIVE,
    REPLAY,
    DEMO,
    PRACTICE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SessionKind fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown session kind " + id));
    }
}
