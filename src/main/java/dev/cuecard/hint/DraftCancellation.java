package dev.cuecard.hint;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Cancels one draft from another thread: a newer question, or shutdown. */
public final class DraftCancellation {
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private final AtomicBoolean once = new AtomicBoolean();

    public void cancel() {
        if (once.compareAndSet(false, true)) {
            cancelled.countDown();
            callbacks.forEach(Runnable::run);
        }
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Runs {@code r} on cancellation (at once if already cancelled). */
    public void onCancel(Runnable r) {
        callbacks.add(r);
        if (isCancelled()) {
            r.run();
        }
    }

    public void removeOnCancel(Runnable r) {
        callbacks.remove(r);
    }

    /** Waits (a retry back-off) unless cancelled first; true when cancelled. */
    public boolean awaitCancel(Duration d) throws InterruptedException {
        return cancelled.await(d.toMillis(), TimeUnit.MILLISECONDS);
    }
}
