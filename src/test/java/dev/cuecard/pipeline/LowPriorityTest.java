package dev.cuecard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LowPriorityTest {

    @Test
    void backgroundThreadsRunNicedAndOrdinaryThreadsDoNot() throws Exception {
        assumeTrue(Platform.isLinux(), "per-thread nice values are a Linux feature");
        CompletableFuture<int[]> background = new CompletableFuture<>();
        NamedThreadFactory.backgroundThread("test-background", () -> background.complete(niceAndPriority())).start();
        CompletableFuture<int[]> ordinary = new CompletableFuture<>();
        NamedThreadFactory.thread("test-ordinary", () -> ordinary.complete(niceAndPriority())).start();
        int callerNice = niceOf(LowPriority.linuxThreadId().orElseThrow());

        assertThat(background.get(10, TimeUnit.SECONDS)).containsExactly(LowPriority.NICE, Thread.MIN_PRIORITY);
        assertThat(ordinary.get(10, TimeUnit.SECONDS)).containsExactly(callerNice, Thread.NORM_PRIORITY);
    }

    @Test
    void aBackgroundPoolsThreadsAreNicedAndNamed() throws Exception {
        assumeTrue(Platform.isLinux(), "per-thread nice values are a Linux feature");
        ExecutorService pool = Executors.newCachedThreadPool(NamedThreadFactory.background("test-pool"));
        try {
            String[] name = new String[1];
            int[] nice = pool.submit(() -> {
                name[0] = Thread.currentThread().getName();
                return niceAndPriority();
            }).get(10, TimeUnit.SECONDS);
            assertThat(nice[0]).isEqualTo(LowPriority.NICE);
            assertThat(name[0]).startsWith("cuecard-test-pool-");
        } finally {
            pool.shutdownNow();
        }
    }

    /** The debrief window judges key points on such a lane, on a pool its task starts: both run niced. */
    @Test
    void aBackgroundLaneAndThePoolItsTaskStartsRunNiced() throws Exception {
        assumeTrue(Platform.isLinux(), "per-thread nice values are a Linux feature");
        dev.cuecard.ui.FxTaskExecutor tasks = new dev.cuecard.ui.FxTaskExecutor(Runnable::run);
        try {
            java.util.concurrent.CompletableFuture<int[]> both = new java.util.concurrent.CompletableFuture<>();
            tasks.backgroundSerial("test-lane").submit(() -> {
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(1,
                        new NamedThreadFactory("test-inner"));
                try {
                    return new int[] {niceAndPriority()[0], pool.submit(() -> niceAndPriority()[0]).get()};
                } finally {
                    pool.shutdownNow();
                }
            }, both::complete, both::completeExceptionally);
            assertThat(both.get(10, TimeUnit.SECONDS)).containsExactly(LowPriority.NICE, LowPriority.NICE);
        } finally {
            tasks.shutdown(java.time.Duration.ofSeconds(5));
        }
    }

    private static int[] niceAndPriority() {
        try {
            return new int[] {niceOf(LowPriority.linuxThreadId().orElseThrow()), Thread.currentThread().getPriority()};
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Field 19 of /proc/self/task/TID/stat (after the command name in parentheses, field 3 is the state). */
    private static int niceOf(int tid) throws IOException {
        String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(after[19 - 3]);
    }
}
