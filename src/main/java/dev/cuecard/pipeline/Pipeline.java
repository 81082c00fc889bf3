package dev.cuecard.pipeline;

import dev.cuecard.asr.FillerSpotter;
import dev.cuecard.asr.KeywordSpotter;
import dev.cuecard.asr.ModelException;
import dev.cuecard.asr.SpeechModel;
import dev.cuecard.asr.SpeechRecognizer;
import dev.cuecard.asr.VoskSpeechRecognizer;
import dev.cuecard.audio.Channel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/**
 * The live path: sources → recognizers → listeners, one capture and one recognizer thread per
 * channel. A WAV replay is the same pipeline with a file source.
 */
public final class Pipeline implements AutoCloseable {
    /** Makes the recognizer for a channel: Vosk in the app, scripted in some tests. */
    @FunctionalInterface
    public interface RecognizerFactory {
        SpeechRecognizer create(Channel channel) throws ModelException;

        static RecognizerFactory vosk(SpeechModel model) {
            return channel -> new VoskSpeechRecognizer(model, channel);
        }

        /**
         * Vosk, with a keyword spotter for the domain phrases on the interviewer's channel (where the
         * questions are); {@code -Dcuecard.spotter=false} turns it off for comparisons.
         *
         * @param spotPhrases phrase as a recogniser writes it → the term it stands for
         */
        static RecognizerFactory vosk(SpeechModel model, Map<String, String> spotPhrases) {
            boolean enabled = !spotPhrases.isEmpty() && Boolean.parseBoolean(System.getProperty("cuecard.spotter", "true"));
            // "um"/"uh" on the candidate's channel, which the main recognizer drops (-Dcuecard.fillers=false: off)
            boolean fillers = Boolean.parseBoolean(System.getProperty("cuecard.fillers", "true"));
            return channel -> {
                KeywordSpotter spotter = enabled && channel == Channel.THEM
                        ? KeywordSpotter.create(model, model.vocabulary(), spotPhrases).orElse(null) : null;
                FillerSpotter filler = fillers && channel == Channel.ME ? FillerSpotter.create(model).orElse(null) : null;
                return new VoskSpeechRecognizer(model, channel, spotter, filler);
            };
        }
    }

    private final List<PipelineListener> listeners = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<dev.cuecard.audio.AudioLevel>> fed = new CopyOnWriteArrayList<>();
    /** Per channel: a lock that orders its listener calls, and the last audio position published. */
    private final Map<Channel, long[]> lastAtMs = new EnumMap<>(Map.of(Channel.THEM, new long[1], Channel.ME, new long[1]));
    private final List<ChannelWorker> workers = new ArrayList<>();
    private final RecognizerFactory recognizers;
    private final ThreadFactory threads;
    private QuestionStage questions;
    private boolean started;

    public Pipeline(RecognizerFactory recognizers, ThreadFactory threads) {
        this.recognizers = recognizers;
        this.threads = threads;
    }

    public Pipeline(RecognizerFactory recognizers) {
        this(recognizers, new NamedThreadFactory("pipeline"));
    }

    public Pipeline addListener(PipelineListener listener) {
        listeners.add(listener);
        return this;
    }

    /**
     * Told of each chunk once it was fed to its channel's recognizer (on that recognizer thread; must
     * be quick): how far recognition has got, unlike the capture-side {@link PipelineEvent.Level}.
     */
    public Pipeline onAudioFed(java.util.function.Consumer<dev.cuecard.audio.AudioLevel> listener) {
        fed.add(listener);
        return this;
    }

    /** Detect questions and hints on the interviewer's channel. */
    public Pipeline withQuestions(QuestionStage stage) {
        this.questions = stage;
        return this;
    }

    /** Adds a channel before {@link #start()}; a channel may also be absent entirely. */
    public Pipeline addChannel(ChannelInput input) throws ModelException {
        if (started) {
            throw new IllegalStateException("add channels before start()");
        }
        if (workers.stream().anyMatch(w -> w.channel() == input.channel())) {
            throw new IllegalArgumentException("channel " + input.channel().id() + " added twice");
        }
        workers.add(new ChannelWorker(input, recognizers.create(input.channel()), this::publish, threads,
                level -> {
                    if (questions != null) {
                        questions.onAudio(level, this::publish, this::publishLate);
                    }
                    fed.forEach(f -> f.accept(level));
                }));
        return this;
    }

    private void publish(PipelineEvent event) {
        if (event instanceof PipelineEvent.Level) {
            notifyListeners(event); // capture-side meter: not part of the ordered event stream
        } else {
            long[] last = lastAtMs.get(event.channel());
            synchronized (last) {
                last[0] = Math.max(last[0], event.atMs());
                notifyListeners(event);
            }
        }
        if (questions != null && event instanceof PipelineEvent.Transcript t) {
            questions.onTranscript(t.event(), this::publish, this::publishLate);
        }
    }

    /** An event from another thread (LLM drafts), stamped with the channel's current audio position. */
    private void publishLate(Channel channel, LongFunction<PipelineEvent> make) {
        long[] last = lastAtMs.get(channel);
        synchronized (last) {
            notifyListeners(make.apply(last[0]));
        }
    }

    /**
     * Publishes an event made off the recognizer threads (the answer coach's worker), in order with
     * {@code channel}'s other events and stamped with its current audio position.
     */
    public void publishFrom(Channel channel, LongFunction<PipelineEvent> make) {
        publishLate(channel, make);
    }

    private void notifyListeners(PipelineEvent event) {
        for (PipelineListener l : listeners) {
            l.onEvent(event);
        }
    }

    /**
     * "Ask now" from any thread: a card for the interviewer's current words, in order with the
     * channel's other events.
     *
     * @return false when there is no interviewer channel or nothing has been heard on it yet
     */
    public boolean askNow() {
        if (questions == null || workers.stream().noneMatch(w -> w.channel() == Channel.THEM)) {
            return false;
        }
        long[] last = lastAtMs.get(Channel.THEM);
        long atMs;
        synchronized (last) {
            atMs = last[0];
        }
        return questions.askNow(atMs, this::publish, this::publishLate);
    }

    public void start() {
        if (workers.isEmpty()) {
            throw new IllegalStateException("no audio channel to listen to");
        }
        started = true;
        workers.forEach(ChannelWorker::start);
    }

    /** Paused: audio is still read from the devices but not recognised, so nothing is heard or stored. */
    public void setPaused(boolean paused) {
        workers.forEach(w -> w.setPaused(paused));
    }

    /** Waits until every channel has ended (file sources end by themselves) and hint drafts have settled. */
    public void awaitEnd() throws InterruptedException {
        joinWorkers();
        if (questions != null) {
            questions.awaitDrafts();
        }
    }

    private void joinWorkers() throws InterruptedException {
        for (ChannelWorker w : workers) {
            w.join();
        }
    }

    /** Stops capture; recognizers flush what they heard, then the threads end; running drafts are cancelled. */
    public void stop() throws InterruptedException {
        workers.forEach(ChannelWorker::stop);
        try {
            joinWorkers();
        } finally {
            if (questions != null) {
                questions.close();
            }
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            workers.forEach(ChannelWorker::interrupt);
            Thread.currentThread().interrupt();
        }
    }
}
