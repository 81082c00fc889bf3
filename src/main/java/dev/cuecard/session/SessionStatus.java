package dev.cuecard.session;

import java.util.Arrays;
import java.util.Locale;

/**
 * A session is being recorded, was closed normally, its writer died before closing it, or it ended
 * with writes that could not be stored (disk full, storage errors): incomplete, with their count; or
 * it was stopped (Ctrl+C) before the end of the recording it was replaying: stopped, with how far it
 * got ({@link StoppedAt}). A live session has no end of its own, so stopping it is completing it.
 */
public enum SessionStatus {
    RECORDING,
    COMPLETE,
    INTERRUPTED,
    INCOMPLETE,
    STOPPED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SessionStatus fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown session status " + id));
    }
}
