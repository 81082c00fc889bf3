package dev.cuecard.pipeline;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The one place threads are made: every thread is named "cuecard-<role>-N" and is a daemon. */
public final class NamedThreadFactory implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();

    public NamedThreadFactory(String role) {
        this.prefix = "cuecard-" + role + "-";
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + counter.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    /** A named daemon thread for one job, not started. */
    public static Thread thread(String name, Runnable r) {
        Thread t = new Thread(r, "cuecard-" + name);
        t.setDaemon(true);
        return t;
    }
}
