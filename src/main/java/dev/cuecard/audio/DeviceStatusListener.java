package dev.cuecard.audio;

/**
 * Told when a live source's device goes away, comes back, or (for "system") the default output
 * changes, so the session can say so while the source goes on (silence while the device is gone).
 * Called on the capture thread.
 */
@FunctionalInterface
public interface DeviceStatusListener {
    /** What happened to the device. */
    enum Change { LOST, BACK, SWITCHED }

    /**
     * @param message one line for the user
     * @param atMs    the source's audio position (ms) when it happened
     */
    void onDeviceStatus(Change change, String message, long atMs);
}
