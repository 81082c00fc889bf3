package dev.cuecard.audio;

import java.util.Locale;

/** The two labelled sides of an interview. */
public enum Channel {
    /** The interviewer: system audio / loopback capture, or the replayed file. */
    THEM,
    /** The candidate: the microphone. */
    ME;

    /** The id used in JSON, settings and the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
