package dev.cuecard.question;

import dev.cuecard.audio.Channel;

/**
 * A question decided by the tracker.
 *
 * @param id          sequence number in the session; a refinement keeps the id
 * @param atMs        audio position fed to the recognizer when it was decided
 * @param speechEndMs end of the last word heard so far (for a final: where the question ended)
 * @param early       decided on a partial result, before the recogniser closed the utterance
 * @param refined     replaces an earlier decision with the same id (a different template)
 * @param reason      why it was decided or changed
 * @param startMs     where the question began: the first word of a final, else where the speech
 *                    began (-1 when not known: built outside a tracker)
 */
public record DetectedQuestion(int id, Channel channel, Classification classification, long atMs, long speechEndMs,
                               boolean early, boolean refined, DecisionReason reason, long startMs) {
    public DetectedQuestion(int id, Channel channel, Classification classification, long atMs, long speechEndMs,
                            boolean early, boolean refined, DecisionReason reason) {
        this(id, channel, classification, atMs, speechEndMs, early, refined, reason, -1);
    }

    public DetectedQuestion(int id, Channel channel, Classification classification, long atMs, long speechEndMs,
                            boolean early, boolean refined) {
        this(id, channel, classification, atMs, speechEndMs, early, refined,
                refined ? (early ? DecisionReason.STRONGER_PARTIAL : DecisionReason.STRONGER_FINAL)
                        : (early ? DecisionReason.STABLE_PARTIALS : DecisionReason.FINAL));
    }

    /** The same question starting at {@code ms}. */
    public DetectedQuestion startingAt(long ms) {
        return new DetectedQuestion(id, channel, classification, atMs, speechEndMs, early, refined, reason, ms);
    }

    public String text() {
        return classification.text();
    }
}
