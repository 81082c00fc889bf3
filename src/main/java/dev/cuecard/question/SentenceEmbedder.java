package dev.cuecard.question;

/**
 * Turns a sentence into a semantic vector; texts with similar meaning get a high dot product.
 * Public for key-point coverage (package coverage), which shares the shipped model.
 */
public interface SentenceEmbedder {
    /** all-MiniLM-L6-v2 gives 384 numbers. */
    int DIMENSIONS = 384;

    /**
     * The L2-normalised embedding of {@code text} (so the dot product of two is their cosine).
     * Thread-safe; may take a few milliseconds, so not on the FX thread.
     */
    float[] embed(String text);

    /**
     * What gives this embedder's exact numbers (model, its file, the runtime's version): results
     * computed from its vectors may be kept under it and reused. Empty: none may be kept.
     */
    default String modelId() {
        return "";
    }
}
