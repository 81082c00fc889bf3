package dev.cuecard.cli;

import dev.cuecard.pipeline.NamedThreadFactory;
import java.time.Duration;

/**
 * Ctrl+C (or SIGTERM) of {@code listen} and {@code replay}, from the start of the command. Before the
 * session exists (the speech model loading) the JVM would end silently, so it says nothing was heard
 * or stored, and no session is created after it; once the session runs, it stops capture and waits
 * until the command has stored the session and said how it went (the JVM ends when hooks return).
 */
final class StopHook implements AutoCloseable {
    static final String BEFORE_START = "stopped while starting, before anything was heard; nothing was stored";

    private enum State { STARTING, STOPPED, RUNNING }

    private final Cli cli;
    private final Duration wait;
    private final Thread hook;
    private State state = State.STARTING;
    private boolean signalled;
    private Runnable stop;

    private StopHook(Cli cli, Duration wait) {
        this.cli = cli;
        this.wait = wait;
        this.hook = NamedThreadFactory.thread("shutdown", this::onSignal);
    }

    static StopHook install(Cli cli, Duration wait) {
        StopHook h = new StopHook(cli, wait);
        Runtime.getRuntime().addShutdownHook(h.hook);
        return h;
    }

    private void onSignal() {
        Runnable action;
        synchronized (this) {
            signalled = true;
            if (state == State.STARTING) {
                state = State.STOPPED;
                cli.err().println("cuecard: " + BEFORE_START);
                cli.err().flush();
                return;
            }
            action = stop;
        }
        if (action != null) {
            action.run();
        }
        Cli.awaitCommandEnd(wait);
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
}
