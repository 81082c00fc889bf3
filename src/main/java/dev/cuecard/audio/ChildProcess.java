package dev.cuecard.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A helper program the audio code runs ({@code parec}, {@code pactl subscribe}): started with the
 * sound server's environment, and always stopped and reaped — by {@link #close()} on every normal
 * path, and by one JVM shutdown hook for whatever is still running when the JVM exits (Ctrl+C,
 * SIGTERM, System.exit). If the JVM is killed outright, {@code parec} ends by itself at its next
 * write (the pipe it writes to is gone, ~10 ms later).
 */
final class ChildProcess implements AutoCloseable {
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOK = new AtomicBoolean();
    private static volatile boolean shuttingDown;

    private final Process process;
    private final String name;

    private ChildProcess(Process process, String name) {
        this.process = process;
        this.name = name;
    }

    /**
     * Starts {@code command}; standard input is closed at once and standard error is kept for
     * {@link #errorText()} (parec and pactl write little there) unless {@code discardErrors}.
     *
     * @param threads makes the shutdown hook thread (once per JVM)
     */
    static ChildProcess start(List<String> command, Map<String, String> environment, boolean discardErrors,
                              ThreadFactory threads) throws IOException {
        if (HOOK.compareAndSet(false, true)) {
            Thread hook = threads.newThread(ChildProcess::stopAll);
            hook.setName(hook.getName() + "-child-processes");
            Runtime.getRuntime().addShutdownHook(hook);
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        if (discardErrors) {
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        Process p = pb.start();
        RUNNING.add(p);
        p.getOutputStream().close();
        return new ChildProcess(p, command.get(0));
    }

    InputStream stdout() {
        return process.getInputStream();
    }

    InputStream stderr() {
        return process.getErrorStream();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Asks the program to end (SIGTERM); {@link #close()} still has to reap it. */
    void terminate() {
        process.destroy();
    }

    /** What the program wrote on standard error (read without blocking), trimmed. */
    String errorText() {
        try {
            InputStream err = process.getErrorStream();
            int n = err.available();
            if (n <= 0) {
                return "";
            }
            return new String(err.readNBytes(n), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** The exit code once ended, or -1 while running. */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    String name() {
        return name;
    }

    /** Ends the program (SIGTERM, then SIGKILL after 1 s) and waits for it: no zombie is left. */
    @Override
    public void close() {
        stop(process);
    }

    /** How many helper programs this JVM has running now (for tests). */
    static int running() {
        RUNNING.removeIf(p -> !p.isAlive());
        return RUNNING.size();
    }

    /** Pids of the helper programs running now (for tests). */
    static Set<Long> runningPids() {
        RUNNING.removeIf(p -> !p.isAlive());
        Set<Long> pids = ConcurrentHashMap.newKeySet();
        RUNNING.forEach(p -> pids.add(p.pid()));
        return pids;
    }

    private static void stopAll() {
        shuttingDown = true;
        RUNNING.forEach(ChildProcess::stop);
    }

    /** True once the JVM is exiting: a helper that ends now was stopped by us, not lost. */
    static boolean shuttingDown() {
        return shuttingDown;
    }

    private static void stop(Process p) {
        try {
            if (p.isAlive()) {
                p.destroy();
                if (!p.waitFor(1, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(1, TimeUnit.SECONDS);
                }
            } else {
                p.waitFor();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(p.getInputStream());
            closeQuietly(p.getErrorStream());
            if (!p.isAlive()) {
                RUNNING.remove(p);
            }
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the pipe is gone with the process
        }
    }
}
