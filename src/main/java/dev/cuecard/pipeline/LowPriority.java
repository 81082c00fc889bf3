package dev.cuecard.pipeline;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background work the user is not watching (the models loading at start-up) yields the cores to
 * the FX thread and the renderer: on a 2-core machine four loader threads left the
 * window without a frame for ~0.7 s at start-up while the FX thread itself used ~70 ms of CPU
 * (BENCHMARKS.md). Java's thread priorities do nothing on Linux, so there the thread's own nice
 * value is raised (a per-thread setting on Linux); elsewhere the Java priority is all there is.
 * {@code -Dcuecard.lowPriority=false} turns it off, for comparison.
 */
final class LowPriority {
    /** Nice value of background threads: the FX thread (0) gets ~9 times their share of a busy core. */
    static final int NICE = 10;
    private static final int PRIO_PROCESS = 0;
    private static final boolean ON = Boolean.parseBoolean(System.getProperty("cuecard.lowPriority", "true"));
    private static final Logger LOG = LoggerFactory.getLogger(LowPriority.class);

    private LowPriority() {
    }

    interface CLib extends Library {
        int setpriority(int which, int who, int prio);
    }

    /** libc, bound once: on first use, so a platform without it only loses the lower priority. */
    private static final class Libc {
        static final CLib C = Native.load("c", CLib.class);
    }

    /** Lowers the calling thread's priority for the rest of its life (it cannot be raised again without privileges). */
    static void lowerCurrentThread() {
        if (!ON) {
            return;
        }
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (!Platform.isLinux()) {
            return;
        }
        OptionalInt tid = linuxThreadId();
        if (tid.isEmpty()) {
            return;
        }
        try {
            if (Libc.C.setpriority(PRIO_PROCESS, tid.getAsInt(), NICE) != 0) {
                LOG.debug("setpriority failed for {}: errno {}", Thread.currentThread().getName(), Native.getLastError());
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("setpriority unavailable: {}", e.toString());
        }
    }

    /** The kernel's id of the calling thread ({@code /proc/thread-self} links to {@code PID/task/TID}). */
    static OptionalInt linuxThreadId() {
        try {
            Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return OptionalInt.of(Integer.parseInt(link.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
