package dev.cuecard.audio;

/**
 * Where audio comes from: a capture device or a WAV file. Always delivers 16 kHz mono s16le.
 * {@link #read()} is called from exactly one capture thread.
 */
public interface AudioSource extends AutoCloseable {

    /** A short human-readable name (device name or file name). */
    String describe();

    /** True for devices that cannot wait for a slow consumer (drop rather than block). */
    boolean isLive();

    /**
     * Blocks until the next chunk is available.
     *
     * @return the next chunk, or {@code null} at the end of the stream
     * @throws AudioSourceException when the source fails (device gone, unreadable file)
     */
    AudioChunk read() throws AudioSourceException;

    /**
     * Sources that outlive their device (a sound-server source that disappears and comes back)
     * report it here; the others never call the listener. Set before the first {@link #read()}.
     */
    default void setDeviceStatusListener(DeviceStatusListener listener) {
    }

    @Override
    void close();
}
