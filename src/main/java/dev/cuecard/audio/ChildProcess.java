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
 * SIGTERM, System.exit). If the JVM is killed outright (SIGKILL, a crash) nothing of ours runs:
 * {@code parec} then ends by itself at its next write (its pipe has no reader), and a program that
 * would not ({@code pactl subscribe} ignores write errors) is started with {@link #tiedToStdin}, a
 * shell wrapper that ends it when its standard input — a pipe only this JVM holds — closes.
 */
final class ChildProcess implements AutoCloseable {
    /** Every helper still running, and whether it ends by itself when its input closes. */
    private static final java.util.Map<Process, Boolean> RUNNING = new ConcurrentHashMap<>();
    private static final AtomicBoolean HOOK = new AtomicBoolean();
    private static volatile boolean shuttingDown;

    private final Process process;
    private final String name;

    private ChildProcess(Process process, String name) {
        this.process = process;
        this.name = name;
    }

    /**
     * {@code command} wrapped so that it ends when our end of its standard input closes: on
     * {@link #close()}, and when this JVM dies in any way.
     */
    static List<String> tiedToStdin(List<String> command) {
        StringBuilder quoted = new StringBuilder();
        for (String arg : command) {
            quoted.append(" '").append(arg.replace("'", "'\\''")).append('\'');
        }
        return List.of("sh", "-c", "exec 3<&0 0</dev/null;" + quoted + " & p=$!; cat <&3 >/dev/null; kill $p 2>/dev/null; "
                + "wait $p 2>/dev/null; exit 0");
    }

    /**
     * Starts {@code command}; its standard input stays an open pipe until {@link #close()} (see
     * {@link #tiedToStdin}); standard error is kept for {@link #errorText()} (parec and pactl write
     * little there) unless {@code discardErrors}.
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
        RUNNING.put(p, command.size() == 3 && command.get(0).equals("sh") && command.get(2).startsWith("exec 3<&0"));
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
        RUNNING.keySet().removeIf(p -> !p.isAlive());
        return RUNNING.size();
    }

    /** Pids of the helper programs running now (for tests). */
    static Set<Long> runningPids() {
        RUNNING.keySet().removeIf(p -> !p.isAlive());
        Set<Long> pids = ConcurrentHashMap.newKeySet();
        RUNNING.keySet().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    private static void stopAll() {
        shuttingDown = true;
        RUNNING.keySet().forEach(ChildProcess::stop);
    }

    /** True once the JVM is exiting: a helper that ends now was stopped by us, not lost. */
    static boolean shuttingDown() {
        return shuttingDown;
    }

    private static void stop(Process p) {
        try {
            closeQuietly(p.getOutputStream()); // a tied program ends by itself now
            if (p.isAlive() && RUNNING.getOrDefault(p, false) && !p.waitFor(500, TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroy);
            }
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

    private static void closeQuietly(java.io.Closeable in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the pipe is gone with the process
        }
    }
}
