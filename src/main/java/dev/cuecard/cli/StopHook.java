package dev.cuecard.cli;

import dev.cuecard.pipeline.NamedThreadFactory;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Ctrl+C (or SIGTERM) of {@code listen} and {@code replay}, from the start of the process. Before the
 * session exists (the JVM starting, the options read, the speech model loading) the JVM would end
 * silently, so it says nothing was heard or stored, and no session is created after it; once the
 * session runs, it stops capture and waits until the command has stored the session and said how
 * it went (the JVM ends when hooks return).
 */
public final class StopHook implements AutoCloseable {
    static final String BEFORE_START = "stopped while starting, before anything was heard; nothing was stored";

    private enum State { STARTING, STOPPED, RUNNING }

    /** Installed by {@link #installFromStart} until the command takes it over or the run ends without one. */
    private static StopHook fromStart;

    private final Thread hook;
    private PrintWriter err;
    private Duration wait;
    private State state = State.STARTING;
    private boolean signalled;
    private Runnable stop;

    private StopHook(PrintWriter err, Duration wait) {
        this.err = err;
        this.wait = wait;
        // a class, not a method reference: the first lambda of a JVM costs it ~20 ms, and this runs first
        this.hook = NamedThreadFactory.thread("shutdown", new OnSignal(this));
    }

    /**
     * Main's first step for {@code listen} and {@code replay} (not their help): until now a Ctrl+C in
     * the ~0.5 s before the command began (the JVM restarting with its options, native libraries,
     * the options read) ended the process with no word at all.
     */
    public static synchronized void installFromStart(String... args) {
        if (fromStart != null || !runsASession(args)) {
            return;
        }
        StopHook h = new StopHook(new PrintWriter(System.err, true), Duration.ZERO);
        Runtime.getRuntime().addShutdownHook(h.hook);
        fromStart = h;
    }

    /**
     * Whether Ctrl+C came before the command began and was answered with {@link #BEFORE_START}: the
     * JVM is ending, so it must not restart itself with its options (Main's execve) and run on.
     */
    public static java.util.function.BooleanSupplier stoppedWhileStarting() {
        return new StoppedWhileStarting();
    }

    private static synchronized boolean stoppedFromStart() {
        return fromStart != null && fromStart.stopped();
    }

    private synchronized boolean stopped() {
        return state == State.STOPPED;
    }

    /** listen and replay, not their help (loops, not streams: see the constructor). */
    static boolean runsASession(String... args) {
        if (args.length == 0 || !(args[0].equals("listen") || args[0].equals("replay"))) {
            return false;
        }
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return false;
            }
        }
        return true;
    }

    /** At the command's start: the hook installed at the process's start, else (in-process runs) a new one. */
    static StopHook install(Cli cli, Duration wait) {
        StopHook early;
        synchronized (StopHook.class) {
            early = fromStart;
            fromStart = null;
        }
        if (early != null) {
            early.takeOver(cli.err(), wait);
            return early;
        }
        StopHook h = new StopHook(cli.err(), wait);
        Runtime.getRuntime().addShutdownHook(h.hook);
        return h;
    }

    /** The run ended without a command taking the hook over (a usage error, a data folder that is a file). */
    static void releaseFromStart() {
        StopHook early;
        synchronized (StopHook.class) {
            early = fromStart;
            fromStart = null;
        }
        if (early != null) {
            early.close();
        }
    }

    private synchronized void takeOver(PrintWriter commandErr, Duration commandWait) {
        err = commandErr;
        wait = commandWait;
    }

    private void onSignal() {
        Runnable action;
        Duration max;
        synchronized (this) {
            signalled = true;
            if (state == State.STARTING) {
                state = State.STOPPED;
                err.println("cuecard: " + BEFORE_START);
                err.flush();
                return;
            }
            action = stop;
            max = wait;
        }
        if (action != null) {
            action.run();
        }
        Cli.awaitCommandEnd(max);
    }

    /** Just before the session is created: false when Ctrl+C came first, and then nothing may be created. */
    synchronized boolean begin() {
        if (state == State.STOPPED) {
            return false;
        }
        state = State.RUNNING;
        return true;
    }

    /** How to stop the running session; run at once when Ctrl+C came while it was being created. */
    void stopsWith(Runnable action) {
        boolean now;
        synchronized (this) {
            stop = action;
            now = signalled;
        }
        if (now) {
            action.run();
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl+C: the hook is running and waits for the command's last lines
        }
    }

    /** A class, not a method reference: see the constructor. */
    private static final class StoppedWhileStarting implements java.util.function.BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            return stoppedFromStart();
        }
    }

    private record OnSignal(StopHook stopHook) implements Runnable {
        @Override
        public void run() {
            stopHook.onSignal();
        }
    }
}
