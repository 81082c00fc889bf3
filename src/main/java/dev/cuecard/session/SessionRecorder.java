package dev.cuecard.session;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.pipeline.NamedThreadFactory;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.pipeline.PipelineListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a running session as it happens. Pipeline threads only enqueue; one writer thread commits
 * whatever is pending as one small transaction (usually a single utterance), so a killed process
 * loses at most the utterance still being recognised. Partials and levels are not stored; event
 * types it does not know are ignored.
 */
public final class SessionRecorder implements PipelineListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRecorder.class);

    private final SessionStore store;
    private final long sessionId;
    private final BlockingQueue<Runnable> pending = new LinkedBlockingQueue<>();
    private final Runnable end = () -> { };
    private final Thread writer;
    private final AtomicInteger failedWrites = new AtomicInteger();
    private volatile boolean closed;

    private SessionRecorder(SessionStore store, long sessionId) {
        this.store = store;
        this.sessionId = sessionId;
        this.writer = new NamedThreadFactory("session-writer").newThread(this::writeLoop);
    }

    /** Starts a session in the store and its writer thread. */
    public static SessionRecorder start(SessionStore store, SessionInfo info) {
        SessionRecorder r = new SessionRecorder(store, store.startSession(info));
        r.writer.start();
        return r;
    }

    public long sessionId() {
        return sessionId;
    }

    /** Writes that failed (logged); the session goes on without them. */
    public int failedWrites() {
        return failedWrites.get();
    }

    @Override
    public void onEvent(PipelineEvent event) {
        toWrite(event).ifPresent(w -> {
            if (!closed) {
                pending.add(w);
            }
        });
    }

    private Optional<Runnable> toWrite(PipelineEvent event) {
        if (event instanceof PipelineEvent.Transcript t) {
            return transcript(t.event());
        }
        if (event instanceof PipelineEvent.Question q) {
            // the tracker knows where the question began, also when it decided before the words were final
            return Optional.of(() -> store.recordQuestion(sessionId, q.question(), q.question().startMs()));
        }
        if (event instanceof PipelineEvent.HintReady h) {
            return Optional.of(() -> store.recordHint(sessionId, h.questionId(), h.hint(), h.atMs()));
        }
        if (event instanceof PipelineEvent.Coverage c) {
            return Optional.of(() -> store.recordCoverage(sessionId, c.questionId(), c.point(), c.atMs()));
        }
        if (event instanceof PipelineEvent.AnswerEnd a) {
            return Optional.of(() -> store.recordAnswerEnd(sessionId, a.questionId(), a.durationMs(), a.wordsPerMinute(),
                    a.fillers(), a.likelyFollowUp().orElse(null), a.atMs()));
        }
        if (event instanceof PipelineEvent.HintUpdate u && u.complete()) {
            // the drafted hint replaces the template card on screen, so it is what was shown
            return Optional.of(() -> {
                store.recordHint(sessionId, u.questionId(), u.hint(), u.atMs());
                u.usage().ifPresent(t -> store.addLlmUsage(sessionId, null, t.inputTokens(), t.outputTokens(), 0));
            });
        }
        return Optional.empty();
    }

    private Optional<Runnable> transcript(TranscriptEvent e) {
        if (!e.isFinal() || e.text().isBlank()) {
            return Optional.empty();
        }
        Utterance u = new Utterance(e.channel(), e.startMs(), e.endMs(), e.text());
        return Optional.of(() -> store.appendUtterance(sessionId, u));
    }

    private void writeLoop() {
        List<Runnable> batch = new ArrayList<>();
        try {
            boolean ending = false;
            while (!ending) {
                batch.add(pending.take());
                pending.drainTo(batch);
                ending = batch.remove(end);
                List<Runnable> flushed = batch.stream().filter(Flush.class::isInstance).toList();
                batch.removeAll(flushed);
                commit(batch);
                flushed.forEach(Runnable::run);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void commit(List<Runnable> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.transaction(() -> batch.forEach(Runnable::run));
        } catch (RuntimeException e) {
            // one bad write must not take its neighbours with it: retry them one by one
            LOG.warn("session {}: a batch of {} writes failed, retrying singly: {}", sessionId, batch.size(), e.toString());
            for (Runnable w : batch) {
                try {
                    store.transaction(w);
                } catch (RuntimeException single) {
                    failedWrites.incrementAndGet();
                    LOG.error("session {}: write lost", sessionId, single);
                }
            }
        }
    }

    /** Released by the writer after the commit that follows everything enqueued before it. */
    private record Flush(CountDownLatch done) implements Runnable {
        @Override
        public void run() {
            done.countDown();
        }
    }

    /** Waits until everything enqueued so far is committed. */
    void flush() throws InterruptedException {
        if (closed) {
            return;
        }
        Flush f = new Flush(new CountDownLatch(1));
        pending.add(f);
        f.done().await();
    }

    /** Commits what is pending, stops the writer and closes the session as complete. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending.add(end);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // left "recording": the next start closes it as interrupted
        }
        store.finishSession(sessionId);
    }
}
