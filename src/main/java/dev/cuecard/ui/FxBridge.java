package dev.cuecard.ui;

import dev.cuecard.audio.Channel;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.pipeline.PipelineListener;
import java.util.EnumMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one crossing into the FX thread. Ordered events (finals, questions, hints, status) and UI
 * commands keep their order; partial results and levels are coalesced per channel (latest wins),
 * and at most one drain is pending on the FX thread at any time.
 */
public final class FxBridge implements PipelineListener {
    private final Executor fxThread;
    private final Consumer<PipelineEvent> apply;
    private final Queue<Object> ordered = new ConcurrentLinkedQueue<>();
    private final Map<Channel, AtomicReference<PipelineEvent>> partials = new EnumMap<>(Channel.class);
    private final Map<Channel, AtomicReference<PipelineEvent>> levels = new EnumMap<>(Channel.class);
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Map<Channel, Long> lastFinalAt = new EnumMap<>(Channel.class);

    /**
     * @param fxThread {@code Platform::runLater} in the app
     * @param apply    called on the FX thread with each event to show
     */
    public FxBridge(Executor fxThread, Consumer<PipelineEvent> apply) {
        this.fxThread = fxThread;
        this.apply = apply;
        for (Channel c : Channel.values()) {
            partials.put(c, new AtomicReference<>());
            levels.put(c, new AtomicReference<>());
        }
    }

    @Override
    public void onEvent(PipelineEvent event) {
        if (event instanceof PipelineEvent.Transcript t && !t.event().isFinal()) {
            partials.get(t.channel()).set(event);
        } else if (event instanceof PipelineEvent.Level l) {
            levels.get(l.channel()).set(event);
        } else {
            ordered.add(event);
        }
        schedule();
    }

    /**
     * A new session begins: its audio times and question ids start again from zero. Runs
     * {@code reset} (the view model's {@code sessionStarted}) on the FX thread in order with the
     * events — after everything of the previous session, before anything of the new one — and
     * forgets the previous session's timeline and pending partials. Call it before the new
     * session's pipeline starts; any thread.
     */
    public void sessionStarted(Runnable reset) {
        // the previous session's pending partials go now: the new session's may arrive before the drain
        for (Channel c : Channel.values()) {
            partials.get(c).set(null);
            levels.get(c).set(null);
        }
        ordered.add(new NewSession(reset));
        schedule();
    }

    private record NewSession(Runnable reset) {
    }

    /** Runs a UI command (hotkey, menu) on the FX thread, in order with the events. */
    public void post(Runnable command) {
        ordered.add(command);
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            fxThread.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        Object next;
        while ((next = ordered.poll()) != null) {
            if (next instanceof Runnable r) {
                r.run();
            } else if (next instanceof NewSession n) {
                lastFinalAt.clear();
                n.reset().run();
            } else {
                PipelineEvent e = (PipelineEvent) next;
                if (e instanceof PipelineEvent.Transcript t) {
                    lastFinalAt.put(t.channel(), t.atMs());
                }
                apply.accept(e);
            }
        }
        for (Channel c : Channel.values()) {
            PipelineEvent p = partials.get(c).getAndSet(null);
            // a partial older than the channel's last final is already settled text
            if (p != null && p.atMs() > lastFinalAt.getOrDefault(c, -1L)) {
                apply.accept(p);
            }
            PipelineEvent l = levels.get(c).getAndSet(null);
            if (l != null) {
                apply.accept(l);
            }
        }
    }
}
