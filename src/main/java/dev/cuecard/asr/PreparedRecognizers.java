package dev.cuecard.asr;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * One recognizer made ahead for a model and grammar (or none). Vosk compiles the keyword spotter's
 * ~1,700-phrase grammar for ~0.25 s at every new recognizer, and a plain one takes ~75 ms — time a
 * session's start and each replacement (every 30 s, on the channel's recognizer thread, between
 * two utterances) would otherwise wait for. {@link #take} hands over the one made ahead, or makes
 * one when none is, and starts making the next on a background thread. Thread-safe.
 */
final class PreparedRecognizers implements AutoCloseable {
    private final Model model;
    /** The grammar's JSON, or null for the model's own language model. */
    private final String grammar;
    private final ThreadFactory threads;
    /** Run before a grammar recognizer is made (the model's graph must have loaded), or null. */
    private final Precondition before;
    /** The recognizer being made or made ahead, or null. Guarded by this. */
    private CompletableFuture<Recognizer> next;
    private boolean closed;

    /** What must hold before a recognizer is made; throws when it does not. */
    @FunctionalInterface
    interface Precondition {
        void check() throws IOException;
    }

    PreparedRecognizers(Model model, String grammar, ThreadFactory threads) {
        this(model, grammar, threads, null);
    }

    /** @param before checked before each recognizer is made, or null */
    PreparedRecognizers(Model model, String grammar, ThreadFactory threads, Precondition before) {
        this.model = model;
        this.grammar = grammar;
        this.threads = threads;
        this.before = before;
    }

    /** Starts making one ahead, unless one is already made or being made. */
    synchronized void prepare() {
        if (next == null && !closed) {
            CompletableFuture<Recognizer> f = new CompletableFuture<>();
            next = f;
            threads.newThread(() -> {
                try {
                    f.complete(newRecognizer());
                } catch (IOException | RuntimeException e) {
                    f.completeExceptionally(e);
                }
            }).start();
        }
    }

    /**
     * A fresh recognizer: the one made ahead (waiting for it if it is still being made: it started
     * first), else one made now; the next one is then made ahead.
     */
    Recognizer take() throws IOException {
        CompletableFuture<Recognizer> ahead;
        synchronized (this) {
            ahead = next;
            next = null;
        }
        Recognizer r = null;
        if (ahead != null) {
            try {
                r = ahead.join();
            } catch (java.util.concurrent.CompletionException e) {
                // made now instead: the error, if it is one, is thrown from there
            }
        }
        if (r == null) {
            r = newRecognizer();
        }
        prepare();
        return r;
    }

    /**
     * Makes one ahead when none is and waits for it: throws what making it threw (and forgets that
     * failure); one made stays made ahead for {@link #take}.
     */
    void check() throws IOException {
        CompletableFuture<Recognizer> f;
        synchronized (this) {
            prepare();
            f = next;
        }
        if (f == null) {
            return; // closed
        }
        try {
            f.join();
        } catch (java.util.concurrent.CompletionException e) {
            synchronized (this) {
                if (next == f) {
                    next = null;
                }
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause.getMessage()), cause);
        }
    }

    /** Whether one is made or being made ahead (tests). */
    synchronized boolean madeAhead() {
        return next != null;
    }

    private Recognizer newRecognizer() throws IOException {
        if (before != null) {
            before.check();
        }
        return grammar == null ? new Recognizer(model, dev.cuecard.audio.PcmFormat.SAMPLE_RATE)
                : new Recognizer(model, dev.cuecard.audio.PcmFormat.SAMPLE_RATE, grammar);
    }

    /**
     * Closes the one made ahead, waiting for it if it is still being made: the model is freed next,
     * and must not be freed under a recognizer being built from it.
     */
    @Override
    public void close() {
        CompletableFuture<Recognizer> pending;
        synchronized (this) {
            closed = true;
            pending = next;
            next = null;
        }
        if (pending != null) {
            try {
                pending.join().close();
            } catch (java.util.concurrent.CompletionException e) {
                // none was made
            }
        }
    }
}
