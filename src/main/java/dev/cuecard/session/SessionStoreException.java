package dev.cuecard.session;

/** The session database cannot be used; the message says why and what to do. */
public final class SessionStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why, as far as it matters to what happens next. */
    public enum Reason {
        /** The disk (or the database's size limit) is full: worth retrying once space is freed. */
        DISK_FULL(true),
        /** The file or its folder cannot be written (permissions, a read-only disk). */
        READ_ONLY(true),
        /** Another process holds the database longer than the busy timeout. */
        BUSY(true),
        /** The operating system failed a read or write. */
        IO_ERROR(true),
        /** The file cannot be opened or created at all. */
        CANNOT_OPEN(true),
        /** The file is damaged or not a database; it was moved aside and a new one started (see the message). */
        DAMAGED(false),
        /** Written by a newer Cuecard: refused, untouched. */
        NEWER_SCHEMA(false),
        /** Anything else, e.g. a constraint a write broke (a bug: retrying will not help). */
        OTHER(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        /** The same write may well succeed later (space freed, permission fixed, lock released). */
        public boolean retryable() {
            return retryable;
        }
    }

    private final Reason reason;

    public SessionStoreException(String message, Throwable cause) {
        this(Reason.OTHER, message, cause);
    }

    public SessionStoreException(String message) {
        this(Reason.OTHER, message, null);
    }

    public SessionStoreException(Reason reason, String message) {
        this(reason, message, null);
    }

    public SessionStoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
