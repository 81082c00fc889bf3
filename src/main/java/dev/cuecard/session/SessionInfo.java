package dev.cuecard.session;

/**
 * What is known when a session starts. Every field but {@code kind} may be null.
 *
 * @param themDevice  the interviewer's audio: a capture device or a replayed file
 * @param meDevice    the candidate's microphone or recording
 * @param speechModel the speech model folder's name
 * @param llmModel    the LLM used for hints, null for template hints only
 */
public record SessionInfo(SessionKind kind, String title, String themDevice, String meDevice, String speechModel,
                          String llmModel) {
    public SessionInfo {
        if (kind == null) {
            throw new IllegalArgumentException("a session needs a kind");
        }
    }
}
