package dev.cuecard.session;

import java.util.Arrays;
import java.util.Locale;

/** A session is being recorded, was closed normally, or its writer died before closing it. */
public enum SessionStatus {
    RECORDING,
    COMPLETE,
    INTERRUPTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SessionStatus fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown session status " + id));
    }
}
