package dev.cuecard.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs every task at once on the calling thread and calls back before returning: deterministic
 * runs for tests (and the FX thread in tests means the callbacks are on it too).
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    private volatile boolean shutdown;

    @Override
    public <T> Future<T> submit(Callable<T> work, Consumer<? super T> onDone,
                                Consumer<? super Throwable> onFailed) {
        if (shutdown) {
            CompletableFuture<T> f = new CompletableFuture<>();
            f.cancel(false);
            return f;
        }
        T value;
        try {
            value = work.call();
        } catch (Exception | Error e) {
            onFailed.accept(e);
            return CompletableFuture.failedFuture(e);
        }
        onDone.accept(value);
        return CompletableFuture.completedFuture(value);
    }

    @Override
    public TaskExecutor serial(String role) {
        return this;
    }

    @Override
    public boolean shutdown(Duration timeout) {
        shutdown = true;
        return true;
    }
}
