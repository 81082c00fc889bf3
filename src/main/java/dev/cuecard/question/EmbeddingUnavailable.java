package dev.cuecard.question;

/**
 * The semantic model or its vectors cannot be used; the message is one line for a status or log,
 * and callers go on with the lexical classifier.
 */
public final class EmbeddingUnavailable extends Exception {
    public EmbeddingUnavailable(String reason) {
        super(reason);
    }

    public EmbeddingUnavailable(String reason, Throwable cause) {
        super(reason, cause);
    }
}
