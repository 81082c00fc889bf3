package dev.cuecard.session;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * How far a {@link SessionStatus#STOPPED} session got into its recording.
 *
 * @param heardMs     the audio position (ms) of the recording that was heard
 * @param recordingMs the recording's whole length (ms), when its file says
 */
public record StoppedAt(long heardMs, OptionalLong recordingMs) {
    public StoppedAt {
        if (heardMs < 0) {
            throw new IllegalArgumentException("heardMs < 0");
        }
    }

    /**
     * "stopped at 3:12 of 17:30" (or "stopped at 3:12" when the length is not known; "stopped at 1:30 of
     * 1:30, 0.4 s before its end" when stopped in its last second).
     */
    public String describe() {
        return "stopped at " + position();
    }

    /** "heard 3:12 of 17:30": beside a status that already says stopped. */
    public String heard() {
        return "heard " + position();
    }

    private String position() {
        if (recordingMs.isEmpty()) {
            return clock(heardMs);
        }
        long length = recordingMs.getAsLong();
        String at = clock(heardMs) + " of " + clock(length);
        // stopped in the recording's last second: "1:30 of 1:30" alone reads as heard to the end
        if (heardMs < length && clock(heardMs).equals(clock(length))) {
            return at + String.format(Locale.ROOT, ", %.1f s before its end", Math.max(100, length - heardMs) / 1000.0);
        }
        return at;
    }

    /** m:ss, or h:mm:ss from an hour. */
    static String clock(long ms) {
        long s = ms / 1000;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
