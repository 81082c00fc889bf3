package dev.cuecard.session;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.pipeline.NamedThreadFactory;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.pipeline.PipelineListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a running session as it happens. Pipeline threads only enqueue; one writer thread commits
 * whatever is pending as one small transaction (usually a single utterance), so a killed process
 * loses at most the utterance still being recognised. Partials and levels are not stored; event
 * types it does not know are ignored.
 *
 * <p>Storage failures are never silent. When the database cannot be written (disk full, read-only,
 * locked, I/O error) the writes are held in memory, in order, and tried again every few seconds and
 * with each new write, so a session survives the disk filling up for a while; the user is told at
 * once through the problem listener, and again when saving works again. A write that fails for any
 * other reason (a bug) is lost alone, its neighbours are kept. When the database turns out damaged
 * it is moved aside by the store, and the session starts again in the new one from what was written
 * so far (kept in memory for that). If writes are still lost when the session ends, it is stored as
 * {@link SessionStatus#INCOMPLETE} with their count and why, and {@link #close()} says so.
 */
public final class SessionRecorder implements PipelineListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRecorder.class);
    /** First wait before trying held writes again; it doubles up to {@link #MAX_RETRY_MS}. */
    static final long FIRST_RETRY_MS = 1000;
    static final long MAX_RETRY_MS = 15_000;
    /** Held writes beyond this are dropped (counted as lost), oldest first: a 2-hour interview makes ~3000. */
    static final int MAX_HELD = 20_000;
    /** Writes kept to start the session again in a new database (beyond it, only what follows is kept). */
    static final int MAX_JOURNAL = 20_000;

    /** One write of this session, given the session's id in the current database. */
    @FunctionalInterface
    interface Write {
        void apply(SessionStore store, long sessionId);
    }

    /**
     * How the recording ended.
     *
     * @param stopped how far into its recording a session stored as stopped got (empty otherwise)
     */
    public record Outcome(OptionalLong sessionId, int writes, int lostWrites, Optional<String> problem,
                          boolean markedIncomplete, Optional<StoppedAt> stopped) {
        public Outcome(OptionalLong sessionId, int writes, int lostWrites, Optional<String> problem,
                       boolean markedIncomplete) {
            this(sessionId, writes, lostWrites, problem, markedIncomplete, Optional.empty());
        }

        /** Everything was stored. */
        public boolean complete() {
            return lostWrites == 0 && sessionId.isPresent();
        }

        /** One line for the user: what was lost and why (empty when everything was stored). */
        public Optional<String> summary() {
            if (complete()) {
                return Optional.empty();
            }
            String why = problem.orElse("storage errors");
            if (sessionId.isEmpty()) {
                return Optional.of("the session was not stored: " + why);
            }
            return Optional.of("session " + sessionId.getAsLong() + " is incomplete: " + lostWrites + " of " + writes
                    + " writes (utterances, questions, hints) could not be stored because " + why
                    + (markedIncomplete ? "; it is marked incomplete" : "; it could not even be marked incomplete, "
                    + "so it will show as interrupted"));
        }
    }

    private final SessionStore store;
    private final SessionInfo info;
    private final BlockingQueue<Object> pending = new LinkedBlockingQueue<>();
    private final Object end = new Object();
    private final Thread writer;
    private volatile Consumer<String> problems = m -> { };
    private volatile boolean closed;
    private volatile Outcome outcome;

    // ---- writer thread state ----
    private volatile long sessionId = -1;
    private int generation;
    private final Deque<Write> held = new ArrayDeque<>();
    private final List<Write> journal = new ArrayList<>();
    private boolean journalComplete = true;
    private int writes;
    private int lost;
    private String lastProblem;
    private boolean failing;
    private long retryMs = FIRST_RETRY_MS;

    private SessionRecorder(SessionStore store, SessionInfo info, Consumer<String> problems) {
        this.store = store;
        this.info = info;
        this.problems = problems;
        this.writer = new NamedThreadFactory("session-writer").newThread(this::writeLoop);
    }

    /** Starts a session in the store and its writer thread. */
    public static SessionRecorder start(SessionStore store, SessionInfo info) {
        return start(store, info, m -> { });
    }

    /**
     * As {@link #start(SessionStore, SessionInfo)}, telling {@code problems} at once (on the writer
     * thread) when the session cannot be stored and when it can again. A session that cannot even be
     * started in the database is started later, when storage works again.
     */
    public static SessionRecorder start(SessionStore store, SessionInfo info, Consumer<String> problems) {
        SessionRecorder r = new SessionRecorder(store, info, problems);
        r.ensureSession();
        r.writer.start();
        return r;
    }

    /** Where problems are reported from now on (on the writer thread; keep it quick). */
    public void reportProblemsTo(Consumer<String> listener) {
        problems = listener;
    }

    /** The session's id, or -1 while it could not be started in the database. */
    public long sessionId() {
        return sessionId;
    }

    /** Writes lost so far (held writes that are still being retried do not count). */
    public synchronized int failedWrites() {
        return lost;
    }

    @Override
    public void onEvent(PipelineEvent event) {
        toWrite(event).ifPresent(w -> {
            if (!closed) {
                pending.add(w);
            }
        });
    }

    private Optional<Write> toWrite(PipelineEvent event) {
        if (event instanceof PipelineEvent.Transcript t) {
            return transcript(t.event());
        }
        if (event instanceof PipelineEvent.Question q) {
            // the tracker knows where the question began, also when it decided before the words were final
            return Optional.of((s, id) -> s.recordQuestion(id, q.question(), q.question().startMs()));
        }
        if (event instanceof PipelineEvent.QuestionHeard q) {
            return Optional.of((s, id) -> s.recordQuestionHeard(id, q.question()));
        }
        if (event instanceof PipelineEvent.HintReady h) {
            return Optional.of((s, id) -> s.recordHint(id, h.questionId(), h.hint(), h.atMs()));
        }
        if (event instanceof PipelineEvent.Coverage c) {
            return Optional.of((s, id) -> s.recordCoverage(id, c.questionId(), c.point(), c.atMs()));
        }
        if (event instanceof PipelineEvent.AnswerEnd a) {
            return Optional.of((s, id) -> s.recordAnswerEnd(id, a.questionId(), a.durationMs(), a.wordsPerMinute(),
                    a.fillers(), a.likelyFollowUp().orElse(null), a.atMs()));
        }
        if (event instanceof PipelineEvent.HintUpdate u && u.complete()) {
            // the drafted hint replaces the template card on screen, so it is what was shown
            return Optional.of((s, id) -> {
                s.recordHint(id, u.questionId(), u.hint(), u.atMs());
                u.usage().ifPresent(t -> s.addLlmUsage(id, null, t.inputTokens(), t.outputTokens(), 0));
            });
        }
        return Optional.empty();
    }

    private Optional<Write> transcript(TranscriptEvent e) {
        if (!e.isFinal() || e.text().isBlank()) {
            return Optional.empty();
        }
        Utterance u = new Utterance(e.channel(), e.startMs(), e.endMs(), e.text());
        return Optional.of((s, id) -> s.appendUtterance(id, u));
    }

    // ---- the writer thread ----

    private void writeLoop() {
        List<Object> batch = new ArrayList<>();
        try {
            boolean ending = false;
            while (!ending) {
                Object first = held.isEmpty() ? pending.take() : pending.poll(retryMs, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    pending.drainTo(batch);
                }
                ending = batch.remove(end);
                List<Flush> flushes = new ArrayList<>();
                for (Object o : batch) {
                    if (o instanceof Flush f) {
                        flushes.add(f);
                    } else if (o instanceof Write w) {
                        hold(w);
                    }
                }
                if (first == null && failing) {
                    retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
                }
                commitHeld();
                flushes.forEach(Flush::release);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void hold(Write w) {
        writes++;
        held.addLast(w);
        if (held.size() > MAX_HELD) {
            held.removeFirst();
            lost++;
        }
    }

    /** Makes sure the session exists in the current database; false when it cannot be made now. */
    private synchronized boolean ensureSession() {
        int current = store.generation();
        if (sessionId >= 0 && generation == current) {
            return true;
        }
        boolean restart = sessionId >= 0;
        try {
            long id = store.startSession(info);
            if (restart) {
                // the old database was damaged and moved aside: what was written goes into the new one too
                LOG.warn("session {} continues as session {} in a new database", sessionId, id);
                int committed = writes - held.size() - lost;
                lost += Math.max(0, committed - journal.size());
                List<Write> again = new ArrayList<>(journal);
                again.addAll(held);
                held.clear();
                held.addAll(again);
                journal.clear();
                journalComplete = true;
            }
            sessionId = id;
            generation = current;
            return true;
        } catch (SessionStoreException e) {
            trouble(e);
            return false;
        }
    }

    private synchronized void commitHeld() {
        for (int attempt = 0; !held.isEmpty() && attempt < 3; attempt++) {
            if (!ensureSession()) {
                return;
            }
            List<Write> batch = List.copyOf(held);
            try {
                long id = sessionId;
                store.transaction(generation, () -> batch.forEach(w -> w.apply(store, id)));
                committed(batch);
                return;
            } catch (SessionStoreException e) {
                if (e.reason() == SessionStoreException.Reason.DAMAGED) {
                    trouble(e);
                    continue; // the store started a new database: start the session again there
                }
                if (e.reason().retryable()) {
                    trouble(e);
                    return;
                }
                // one bad write must not take its neighbours with it: try them one by one
                LOG.warn("session {}: a batch of {} writes failed, retrying singly: {}", sessionId, batch.size(),
                        e.toString());
                commitSingly(batch);
                return;
            } catch (RuntimeException e) {
                LOG.warn("session {}: a batch of {} writes failed, retrying singly: {}", sessionId, batch.size(),
                        e.toString());
                commitSingly(batch);
                return;
            }
        }
    }

    private void commitSingly(List<Write> batch) {
        for (Write w : batch) {
            try {
                long id = sessionId;
                store.transaction(generation, () -> w.apply(store, id));
                committed(List.of(w));
            } catch (SessionStoreException e) {
                if (e.reason().retryable() || e.reason() == SessionStoreException.Reason.DAMAGED) {
                    trouble(e); // the rest stays held and is tried again later
                    return;
                }
                dropFirst(e);
            } catch (RuntimeException e) {
                dropFirst(e);
            }
        }
    }

    private void dropFirst(RuntimeException e) {
        held.removeFirst();
        lost++;
        lastProblem = "a write failed: " + e.getMessage();
        LOG.error("session {}: write lost", sessionId, e);
    }

    private void committed(List<Write> batch) {
        for (int i = 0; i < batch.size(); i++) {
            held.removeFirst();
        }
        if (journalComplete) {
            journal.addAll(batch);
            if (journal.size() > MAX_JOURNAL) {
                journal.clear();
                journalComplete = false;
            }
        }
        if (failing) {
            failing = false;
            retryMs = FIRST_RETRY_MS;
            report("the session is being saved again (everything held in memory meanwhile is stored)");
        }
    }

    private void trouble(SessionStoreException e) {
        lastProblem = cause(e);
        LOG.warn("session {}: cannot store {} write(s) now: {}", sessionId, held.size(), e.getMessage());
        if (!failing) {
            failing = true;
            report("the session cannot be saved now: " + e.getMessage() + " — what is heard is kept in memory "
                    + "and saved as soon as storage works again");
        }
    }

    /** The first part of a store message: why, without the advice. */
    private static String cause(SessionStoreException e) {
        String m = e.getMessage() == null ? e.reason().name() : e.getMessage();
        int advice = m.indexOf("; ");
        return advice > 0 ? m.substring(0, advice) : m;
    }

    private void report(String message) {
        try {
            problems.accept(message);
        } catch (RuntimeException e) {
            LOG.warn("problem listener failed", e);
        }
    }

    /** Released by the writer after the commit attempt that follows everything enqueued before it. */
    private record Flush(CountDownLatch done) {
        void release() {
            done.countDown();
        }
    }

    /** Waits until everything enqueued so far has been tried (committed, or held after a failure). */
    void flush() throws InterruptedException {
        if (closed) {
            return;
        }
        Flush f = new Flush(new CountDownLatch(1));
        pending.add(f);
        f.done().await();
    }

    /**
     * Commits what is pending (one last try for held writes), stops the writer and closes the
     * session: complete, or incomplete with the count of lost writes.
     */
    @Override
    public void close() {
        closeAndReport();
    }

    /** As {@link #close()}, returning how the recording ended. */
    public Outcome closeAndReport() {
        return closeAndReport(Optional.empty());
    }

    /**
     * As {@link #closeAndReport()}; when {@code stopped} is given, the recording being replayed was
     * not heard to its end, and the session is stored as {@link SessionStatus#STOPPED} (unless writes
     * were lost: incomplete says more).
     */
    public Outcome closeAndReport(Optional<StoppedAt> stopped) {
        if (closed) {
            return outcome;
        }
        closed = true;
        pending.add(end);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // left "recording": the next start closes it as interrupted
            outcome = new Outcome(sessionId < 0 ? OptionalLong.empty() : OptionalLong.of(sessionId), writes, 0,
                    Optional.empty(), false);
            return outcome;
        }
        outcome = finish(stopped);
        outcome.summary().ifPresent(this::report);
        return outcome;
    }

    private synchronized Outcome finish(Optional<StoppedAt> stopped) {
        if (sessionId >= 0 && generation != store.generation()) {
            commitHeld(); // the database was replaced after the last write: start the session again there
        }
        int lostNow = lost + held.size();
        held.clear();
        if (sessionId < 0) {
            return new Outcome(OptionalLong.empty(), writes, writes, Optional.ofNullable(lastProblem), false);
        }
        OptionalLong id = OptionalLong.of(sessionId);
        try {
            if (lostNow == 0 && stopped.isPresent()) {
                store.finishStopped(sessionId, stopped.get());
                return new Outcome(id, writes, 0, Optional.empty(), false, stopped);
            }
            if (lostNow == 0) {
                store.finishSession(sessionId);
                return new Outcome(id, writes, 0, Optional.empty(), false);
            }
            store.finishIncomplete(sessionId, lostNow, lastProblem);
            return new Outcome(id, writes, lostNow, Optional.ofNullable(lastProblem), true);
        } catch (SessionStoreException e) {
            // left "recording" without its lock: the next start sees it cut off and marks it interrupted
            LOG.warn("session {}: cannot close it: {}", sessionId, e.getMessage());
            store.releaseLock(sessionId);
            if (lostNow == 0) {
                report("session " + sessionId + " was stored but could not be closed (" + cause(e)
                        + "); it will show as interrupted");
                return new Outcome(id, writes, 0, Optional.of(cause(e)), false);
            }
            return new Outcome(id, writes, lostNow, Optional.ofNullable(lastProblem), false);
        }
    }
}
