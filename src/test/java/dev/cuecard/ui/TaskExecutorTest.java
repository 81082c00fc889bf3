package dev.cuecard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The background-work seam: work on named threads, results and failures only through the FX
 * executor (a queue this test drains, standing in for the FX thread), lanes in order.
 */
class TaskExecutorTest {
    final LinkedBlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();
    final FxTaskExecutor tasks = new FxTaskExecutor(fxQueue::add);

    @AfterEach
    void shutdown() {
        assertThat(tasks.shutdown(Duration.ofSeconds(10))).isTrue();
    }

    /** Runs the next callback handed to the "FX thread". */
    void runNextOnFx() throws InterruptedException {
        Runnable r = fxQueue.poll(10, TimeUnit.SECONDS);
        assertThat(r).as("a callback for the FX thread").isNotNull();
        r.run();
    }

    @Test
    void theWorkRunsOnANamedThreadAndItsResultComesThroughTheFxExecutor() throws Exception {
        List<String> seen = new ArrayList<>();
        String[] workThread = new String[1];
        tasks.submit(() -> {
            workThread[0] = Thread.currentThread().getName();
            return 42;
        }, v -> seen.add("done " + v + " on " + Thread.currentThread().getName()), e -> seen.add("failed"));
        runNextOnFx();
        assertThat(workThread[0]).startsWith("cuecard-ui-work-");
        assertThat(seen).containsExactly("done 42 on " + Thread.currentThread().getName());
    }

    @Test
    void aFailureComesBackAsWhatTheWorkThrew() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        tasks.submit(() -> {
            throw new IOException("database is locked");
        }, v -> { }, failures::add);
        runNextOnFx();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).isInstanceOf(IOException.class).hasMessage("database is locked");
    }

    @Test
    void aLaneRunsOneTaskAtATimeAndDeliversInOrder() throws Exception {
        TaskExecutor lane = tasks.serial("practice");
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Integer> delivered = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            lane.submit(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.yield();
                running.decrementAndGet();
                return n + " " + Thread.currentThread().getName();
            }, v -> {
                delivered.add(Integer.parseInt(v.split(" ")[0]));
                threads.add(v.split(" ")[1]);
            }, e -> { });
        }
        for (int i = 0; i < 40; i++) {
            runNextOnFx();
        }
        assertThat(mostAtOnce).hasValue(1);
        assertThat(delivered).isSorted().hasSize(40);
        assertThat(threads).allSatisfy(t -> assertThat(t).startsWith("cuecard-practice-"));
    }

    @Test
    void cancelledWorkIsInterruptedAndDeliversNothing() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicBoolean delivered = new AtomicBoolean();
        Future<?> f = tasks.submit(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return 1;
        }, v -> delivered.set(true), e -> delivered.set(true));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        f.cancel(true);
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        // a later task's callback is the next thing on the FX queue: nothing came from the cancelled one
        tasks.submit(() -> 2, v -> { }, e -> { });
        runNextOnFx();
        assertThat(fxQueue).isEmpty();
        assertThat(delivered).isFalse();
    }

    @Test
    void shutdownInterruptsRunningWorkWaitsForItAndDropsResults() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean ended = new AtomicBoolean();
        TaskExecutor lane = tasks.serial("lane");
        lane.submit(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
                return 1;
            } finally {
                ended.set(true);
            }
        }, v -> { }, e -> { });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(tasks.shutdown(Duration.ofSeconds(10))).isTrue();
        assertThat(ended).isTrue();
        // whatever reached the FX queue is dropped when it runs
        List<String> after = new ArrayList<>();
        fxQueue.forEach(Runnable::run);
        tasks.submit(() -> "late", after::add, e -> after.add("failed"));
        assertThat(fxQueue).isEmpty();
        assertThat(after).isEmpty();
    }

    @Test
    void theCurrentThreadExecutorRunsAndCallsBackBeforeReturning() {
        CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();
        List<String> seen = new ArrayList<>();
        now.submit(() -> Thread.currentThread().getName(), seen::add, e -> seen.add("failed"));
        now.serial("lane").run(() -> {
            throw new IllegalStateException("no session");
        }, () -> seen.add("done"), e -> seen.add(e.getMessage()));
        assertThat(seen).containsExactly(Thread.currentThread().getName(), "no session");
    }
}
