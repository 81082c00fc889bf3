package dev.cuecard.session;

/**
 * A session that is still being recorded (by this process or another live one) cannot be deleted:
 * its writer would go on writing into a session that is gone and lose all it hears after.
 */
public final class SessionRecordingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SessionRecordingException(long sessionId) {
        super("session " + sessionId + " is being recorded right now; stop that recording (Ctrl+C, or Stop in the "
                + "app), then delete it");
    }
}
