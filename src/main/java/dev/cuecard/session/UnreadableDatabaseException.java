package dev.cuecard.session;

/** The database file is damaged, not a database, or cannot be read: it is moved aside. */
final class UnreadableDatabaseException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableDatabaseException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
