package dev.cuecard.coach;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.question.ClosingLine;
import dev.cuecard.audio.AudioLevel;
import dev.cuecard.audio.Channel;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.pipeline.PipelineListener;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link AnswerCoach} on its own named worker thread: listening only enqueues (the
 * recognizer threads, the interviewer's above all, never wait for an embedding), and partial results
 * are coalesced (the latest one wins while the worker is busy).
 */
public final class CoachStage implements PipelineListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CoachStage.class);

    private final AnswerCoach coach;
    private final BlockingQueue<Runnable> work = new LinkedBlockingQueue<>();
    private final AtomicReference<TranscriptEvent> partial = new AtomicReference<>();
    private final Thread worker;
    private volatile boolean closed;

    /** @param coach driven only from this stage's worker from now on */
    public CoachStage(AnswerCoach coach, ThreadFactory threads) {
        this.coach = coach;
        this.worker = threads.newThread(this::run);
        worker.start();
    }

    @Override
    public void onEvent(PipelineEvent event) {
        if (closed) {
            return;
        }
        if (event instanceof PipelineEvent.Transcript t) {
            TranscriptEvent e = t.event();
            if (e.channel() == Channel.THEM) {
                long at = e.atMs();
                if (e.isFinal() && ClosingLine.isClosing(e.text())) {
                    work.add(() -> coach.closing(e.startMs()));
                }
                work.add(() -> coach.interviewerAt(at));
            } else if (e.isFinal()) {
                work.add(() -> coach.heard(e));
            } else if (partial.getAndSet(e) == null) {
                work.add(() -> {
                    TranscriptEvent latest = partial.getAndSet(null);
                    if (latest != null) {
                        coach.hearing(latest);
                    }
                });
            }
        } else if (event instanceof PipelineEvent.Question q) {
            work.add(() -> coach.question(q.question()));
        } else if (event instanceof PipelineEvent.HintReady h) {
            work.add(() -> coach.hint(h.questionId(), h.hint()));
        } else if (event instanceof PipelineEvent.HintUpdate u && u.complete()) {
            work.add(() -> coach.hint(u.questionId(), u.hint()));
        } else if (event instanceof PipelineEvent.ChannelStatus s
                && (s.state() == PipelineEvent.ChannelStatus.State.ENDED || s.state() == PipelineEvent.ChannelStatus.State.FAILED)) {
            work.add(s.channel() == Channel.THEM ? coach::interviewerEnded : coach::candidateEnded);
        }
    }

    /** A chunk was fed to a recognizer: recognition has got this far on that channel. */
    public void fed(AudioLevel level) {
        if (closed) {
            return;
        }
        long at = level.atMs();
        work.add(level.channel() == Channel.THEM ? () -> coach.interviewerAt(at) : () -> coach.candidateAt(at));
    }

    private void run() {
        try {
            while (true) {
                Runnable r = work.take();
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.warn("answer coach: {}", e.toString(), e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until everything heard so far has been coached. */
    public void awaitIdle() throws InterruptedException {
        if (!worker.isAlive()) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        work.add(done::countDown);
        done.await();
    }

    /** Finishes what was heard, then stops the worker. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            awaitIdle();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        worker.interrupt();
        try {
            worker.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
