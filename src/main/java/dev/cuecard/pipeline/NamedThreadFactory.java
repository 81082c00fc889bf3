package dev.cuecard.pipeline;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The one place threads are made: every thread is named "cuecard-<role>-N" and is a daemon. */
public final class NamedThreadFactory implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();
    private final boolean background;

    public NamedThreadFactory(String role) {
        this(role, false);
    }

    private NamedThreadFactory(String role, boolean background) {
        this.prefix = "cuecard-" + role + "-";
        this.background = background;
    }

    /** Threads for work the user is not watching: they run at a low priority ({@link LowPriority}). */
    public static NamedThreadFactory background(String role) {
        return new NamedThreadFactory(role, true);
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(background ? lowered(r) : r, prefix + counter.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    /** A named daemon thread for one job, not started. */
    public static Thread thread(String name, Runnable r) {
        Thread t = new Thread(r, "cuecard-" + name);
        t.setDaemon(true);
        return t;
    }

    /** As {@link #thread}, at a low priority ({@link LowPriority}). */
    public static Thread backgroundThread(String name, Runnable r) {
        return thread(name, lowered(r));
    }

    private static Runnable lowered(Runnable r) {
        return () -> {
            LowPriority.lowerCurrentThread();
            r.run();
        };
    }
}
