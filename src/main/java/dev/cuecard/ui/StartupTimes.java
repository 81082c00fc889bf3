package dev.cuecard.ui;

import java.util.OptionalLong;

/**
 * When the app became usable: its main window shown, its pipeline listening — as wall-clock epoch
 * milliseconds, so a script that notes the time before starting a (native) launcher can compute the
 * whole start-up. Not measured in-process: the OS's process start time (ProcessHandle) is off by
 * hundreds of ms in containers, and the JVM's uptime misses the launcher. For --startup-report.
 */
public final class StartupTimes {
    private volatile long windowShownAt = -1;
    private volatile long listeningAt = -1;

    void windowShown() {
        if (windowShownAt < 0) {
            windowShownAt = System.currentTimeMillis();
        }
    }

    /** The first time the pipeline started listening (model loaded, sources open). */
    void listening() {
        if (listeningAt < 0) {
            listeningAt = System.currentTimeMillis();
        }
    }

    public OptionalLong windowShownAtEpochMs() {
        return windowShownAt < 0 ? OptionalLong.empty() : OptionalLong.of(windowShownAt);
    }

    public OptionalLong listeningAtEpochMs() {
        return listeningAt < 0 ? OptionalLong.empty() : OptionalLong.of(listeningAt);
    }
}
