package dev.cuecard.audio;

/** A source failed in a way the user can act on; the message says how. */
public class AudioSourceException extends Exception {
    private static final long serialVersionUID = 1L;

    public AudioSourceException(String message) {
        super(message);
    }

    public AudioSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
