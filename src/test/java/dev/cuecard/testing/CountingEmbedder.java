package dev.cuecard.testing;

import dev.cuecard.question.SentenceEmbedder;
import java.util.concurrent.atomic.AtomicInteger;

/** A sentence model that counts how often it is asked: whether kept measurements spared it the work. */
public final class CountingEmbedder implements SentenceEmbedder {
    private final AtomicInteger calls = new AtomicInteger();
    private final SentenceEmbedder model;

    public CountingEmbedder(SentenceEmbedder model) {
        this.model = model;
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public float[] embed(String text) {
        calls.incrementAndGet();
        return model.embed(text);
    }

    @Override
    public String modelId() {
        return model.modelId();
    }
}
