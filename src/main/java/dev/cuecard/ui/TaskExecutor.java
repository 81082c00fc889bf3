package dev.cuecard.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Background work for the desktop app (the seam JabRef calls {@code TaskExecutor}): work runs off
 * the FX thread, and its result — or its failure — comes back on the FX thread. The app uses
 * {@link FxTaskExecutor}; tests that want deterministic, single-threaded runs use
 * {@link CurrentThreadTaskExecutor}.
 */
public interface TaskExecutor {

    /** Work with no result. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /**
     * Runs {@code work} (opening a database, listing devices, scoring an answer) in the background.
     *
     * @param onDone   called on the FX thread with the result
     * @param onFailed called on the FX thread with what the work threw
     * @return the running work; cancelling it interrupts the work and drops its result
     */
    <T> Future<T> submit(Callable<T> work, Consumer<? super T> onDone, Consumer<? super Throwable> onFailed);

    /** As {@link #submit}, for work without a result. */
    default Future<?> run(Action work, Runnable onDone, Consumer<? super Throwable> onFailed) {
        return submit(() -> {
            work.run();
            return Boolean.TRUE;
        }, ok -> onDone.run(), onFailed);
    }

    /**
     * A lane of this executor: its work runs one task at a time, in the order submitted, and its
     * results arrive in that order. For state that must not be touched by two threads (a practice
     * round and its database writes).
     */
    TaskExecutor serial(String role);

    /**
     * As {@link #serial}, its thread at a low priority ({@code NamedThreadFactory.background}; threads it
     * starts inherit it on Linux): for long work beside the user's own — judging a long debrief's key
     * points takes both cores for seconds, which a live session's recognizers must not wait for.
     */
    default TaskExecutor backgroundSerial(String role) {
        return serial(role);
    }

    /**
     * Stops taking work, interrupts what runs and waits for it up to {@code timeout}; results not
     * delivered yet are dropped. Blocks: call it off the FX thread.
     *
     * @return true when every task ended in time
     */
    boolean shutdown(Duration timeout);
}
