package dev.cuecard.ui;

import dev.cuecard.pipeline.NamedThreadFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's {@link TaskExecutor}: work on named daemon threads ({@code cuecard-ui-work-N}), results
 * handed to the FX thread through one executor — the app's {@link FxBridge#post}, so they keep
 * their order with the pipeline's events and there stays one crossing into the FX thread.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService threads;
    private final Executor fxThread;
    private final List<FxTaskExecutor> lanes = new CopyOnWriteArrayList<>();
    /** The lanes of the executor this one is a lane of (it leaves them when shut down), or null. */
    private final List<FxTaskExecutor> siblings;
    private volatile boolean shutdown;

    /**
     * @param fxThread runs a callback on the FX thread: {@code bridge::post} in the app,
     *                 {@code Platform::runLater} in a window tested alone
     */
    public FxTaskExecutor(Executor fxThread) {
        this(Executors.newCachedThreadPool(new NamedThreadFactory("ui-work")), fxThread, null);
    }

    private FxTaskExecutor(ExecutorService threads, Executor fxThread, List<FxTaskExecutor> siblings) {
        this.threads = threads;
        this.fxThread = fxThread;
        this.siblings = siblings;
    }

    @Override
    public <T> Future<T> submit(Callable<T> work, Consumer<? super T> onDone,
                                Consumer<? super Throwable> onFailed) {
        FutureTask<T> task = new FutureTask<>(work) {
            @Override
            protected void done() {
                if (isCancelled() || shutdown) {
                    return;
                }
                try {
                    T value = get();
                    deliver(() -> onDone.accept(value));
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    LOG.debug("background task failed", cause);
                    deliver(() -> onFailed.accept(cause));
                } catch (InterruptedException | CancellationException e) {
                    // cancelled while finishing: nothing to deliver
                }
            }
        };
        if (shutdown) {
            task.cancel(false);
            return task;
        }
        threads.execute(task);
        return task;
    }

    private void deliver(Runnable callback) {
        fxThread.execute(() -> {
            if (shutdown) {
                return;
            }
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.error("a background task's callback failed on the FX thread", e);
            }
        });
    }

    @Override
    public TaskExecutor serial(String role) {
        FxTaskExecutor lane = new FxTaskExecutor(Executors.newSingleThreadExecutor(new NamedThreadFactory(role)),
                fxThread, lanes);
        lanes.add(lane);
        return lane;
    }

    @Override
    public TaskExecutor backgroundSerial(String role) {
        FxTaskExecutor lane = new FxTaskExecutor(Executors.newSingleThreadExecutor(NamedThreadFactory.background(role)),
                fxThread, lanes);
        lanes.add(lane);
        return lane;
    }

    @Override
    public boolean shutdown(Duration timeout) {
        shutdown = true;
        threads.shutdownNow();
        if (siblings != null) {
            siblings.remove(this);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean ended = true;
        for (FxTaskExecutor lane : lanes) {
            ended &= lane.shutdown(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        try {
            ended &= threads.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return ended;
    }
}
