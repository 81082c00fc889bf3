package dev.cuecard.asr;

/** The speech model is missing or unusable; the message says where it was expected and how to get it. */
public class ModelException extends Exception {
    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }
}
