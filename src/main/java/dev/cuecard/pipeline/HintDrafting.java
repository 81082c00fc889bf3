package dev.cuecard.pipeline;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.audio.Channel;
import dev.cuecard.hint.DraftCancellation;
import dev.cuecard.hint.DraftListener;
import dev.cuecard.hint.DraftOutcome;
import dev.cuecard.hint.DraftRequest;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.HintDrafter;
import dev.cuecard.question.DetectedQuestion;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drafts LLM hints after the template hint, on ONE single-threaded executor: one request at a
 * time, and a newer question on a channel cancels that channel's older draft (a queued one never
 * reaches the network). Results go out as {@link PipelineEvent.HintUpdate}, {@link PipelineEvent.TextSent}
 * and {@link PipelineEvent.LlmStatus}.
 */
public final class HintDrafting implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HintDrafting.class);
    /** Transcript kept for prompts; the prompt builder trims it further to its own budget. */
    static final int TRANSCRIPT_CHARS = 8000;
    /** Upper bound for waiting on queued drafts at the end of a replay (each draft has its own deadline). */
    static final long IDLE_WAIT_SECONDS = 180;

    private final HintDrafter drafter;
    private final ExecutorService executor;
    private final RecentTranscript transcript = new RecentTranscript(TRANSCRIPT_CHARS);
    private final Map<Channel, DraftCancellation> current = new EnumMap<>(Channel.class);
    /** Drafts waiting for their question's last words, by channel (guarded by {@code current}). */
    private final Map<Channel, Waiting> waiting = new EnumMap<>(Channel.class);

    /** A draft that starts when its question has been heard in full. */
    private record Waiting(DetectedQuestion question, Hint templateHint, DraftCancellation cancellation) {
    }

    /** @param executor must run one task at a time, in order (a single-thread executor) */
    public HintDrafting(HintDrafter drafter, ExecutorService executor) {
        this.drafter = drafter;
        this.executor = executor;
    }

    public HintDrafting(HintDrafter drafter) {
        this(drafter, Executors.newSingleThreadExecutor(new NamedThreadFactory("llm")));
    }

    void heard(TranscriptEvent e) {
        transcript.add(e);
    }

    /** A question was decided: cancel the channel's older draft and, with a template hint, start a new one. */
    void onQuestion(DetectedQuestion q, Optional<Hint> templateHint, LatePublisher out) {
        DraftCancellation mine = new DraftCancellation();
        DraftCancellation older;
        boolean waits = templateHint.isPresent() && waitsForWholeQuestion(q);
        synchronized (current) {
            older = templateHint.isPresent() ? current.put(q.channel(), mine) : current.remove(q.channel());
            if (waits) {
                waiting.put(q.channel(), new Waiting(q, templateHint.get(), mine));
            } else {
                waiting.remove(q.channel());
            }
        }
        if (older != null) {
            older.cancel();
        }
        if (templateHint.isPresent() && !waits) {
            submit(q, templateHint.get(), mine, out);
        }
    }

    /**
     * The question's utterance ended ({@link dev.cuecard.question.QuestionTracker#takeHeardInFull}):
     * a draft that waited for it starts now, with the whole question.
     */
    void heardInFull(DetectedQuestion q, LatePublisher out) {
        Waiting w;
        synchronized (current) {
            w = waiting.get(q.channel());
            if (w == null || w.question().id() != q.id()) {
                return;
            }
            waiting.remove(q.channel());
        }
        if (!w.cancellation().isCancelled()) {
            // the LLM's card answers the whole question: it carries it, as question_heard did
            submit(q, w.templateHint().forQuestion(q.classification().text()), w.cancellation(), out);
        }
    }

    /**
     * A card decided while the interviewer is still speaking is drafted once the question is whole:
     * an LLM given half a question ("design a service that sends") drafts for the wrong question,
     * and the template card is on screen meanwhile. A pause, a final or "ask now" drafts at once.
     */
    static boolean waitsForWholeQuestion(DetectedQuestion q) {
        return q.early() && switch (q.reason()) {
            case STABLE_PARTIALS, SURE_PARTIAL, STABLE_CATEGORY, STRONGER_PARTIAL -> true;
            default -> false;
        };
    }

    private void submit(DetectedQuestion q, Hint templateHint, DraftCancellation cancellation, LatePublisher out) {
        DraftRequest request = new DraftRequest(q.classification(), templateHint, transcript.snapshot());
        try {
            executor.execute(() -> run(q, request, cancellation, out));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            LOG.debug("drafting closed; question {} keeps its template hint", q.id());
        }
    }

    private void run(DetectedQuestion q, DraftRequest request, DraftCancellation cancellation, LatePublisher out) {
        Channel ch = q.channel();
        int id = q.id();
        try {
            DraftOutcome outcome = cancellation.isCancelled() ? new DraftOutcome.Cancelled()
                    : drafter.draft(request, new DraftListener() {
                        @Override
                        public void sending(String destination, boolean offMachine) {
                            out.publish(ch, at -> new PipelineEvent.TextSent(id, destination, offMachine, ch, at));
                        }

                        @Override
                        public void update(Hint partial) {
                            if (!cancellation.isCancelled()) {
                                out.publish(ch, at -> new PipelineEvent.HintUpdate(id, partial, false,
                                        Optional.empty(), ch, at));
                            }
                        }
                    }, cancellation);
            if (outcome instanceof DraftOutcome.Drafted d && !cancellation.isCancelled()) {
                out.publish(ch, at -> new PipelineEvent.HintUpdate(id, d.hint(), true, d.usage(), ch, at));
            } else if (outcome instanceof DraftOutcome.Failed f) {
                out.publish(ch, at -> new PipelineEvent.LlmStatus(id, PipelineEvent.LlmStatus.State.FAILED,
                        f.status(), ch, at));
            } else {
                out.publish(ch, at -> new PipelineEvent.LlmStatus(id, PipelineEvent.LlmStatus.State.CANCELLED,
                        "LLM draft dropped for a newer question", ch, at));
            }
        } catch (RuntimeException e) {
            LOG.error("hint draft for question {} crashed", id, e);
        } finally {
            synchronized (current) {
                current.remove(ch, cancellation);
            }
        }
    }

    /** Waits until every draft submitted so far has ended (the executor runs them in order). */
    void awaitIdle() throws InterruptedException {
        try {
            executor.submit(() -> { }).get(IDLE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("hint drafts did not settle: {}", e.toString());
        }
    }

    /** Cancels running drafts and ends the executor's thread. */
    @Override
    public void close() {
        List<DraftCancellation> running;
        synchronized (current) {
            running = List.copyOf(current.values());
            current.clear();
            waiting.clear();
        }
        running.forEach(DraftCancellation::cancel);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
