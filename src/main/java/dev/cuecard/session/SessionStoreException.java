package dev.cuecard.session;

/** The session database cannot be used; the message says why and what to do. */
public final class SessionStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public SessionStoreException(String message) {
        super(message);
    }
}
