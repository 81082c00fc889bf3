package dev.cuecard.live;

import dev.cuecard.asr.ModelException;
import dev.cuecard.asr.SpeechModel;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.WavFileSource;
import dev.cuecard.coach.AnswerCoach;
import dev.cuecard.coach.CoachStage;
import dev.cuecard.coverage.SemanticCoverage;
import dev.cuecard.hint.HintDrafter;
import dev.cuecard.hint.TemplateHintEngine;
import dev.cuecard.pipeline.ChannelInput;
import dev.cuecard.pipeline.HintDrafting;
import dev.cuecard.pipeline.NamedThreadFactory;
import dev.cuecard.pipeline.Pipeline;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.pipeline.PipelineListener;
import dev.cuecard.pipeline.QuestionStage;
import dev.cuecard.question.UtteranceClassifier;
import dev.cuecard.session.SessionInfo;
import dev.cuecard.session.SessionKind;
import dev.cuecard.session.SessionRecorder;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.StoppedAt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A running session: audio inputs → recognizers → questions and hints → the recorder and the
 * caller's listeners. Built by {@link Builder} the same way for the desktop app, {@code listen} and
 * {@code replay}, so "ask now", pause and storage behave alike everywhere.
 */
public final class LiveSession implements AutoCloseable {
    private final Pipeline pipeline;
    private final List<ChannelInput> inputs;
    private final SessionRecorder recorder;
    private final List<String> failures;
    private boolean closed;
    private Optional<SessionRecorder.Outcome> storage = Optional.empty();

    private final CoachStage coach;

    private LiveSession(Pipeline pipeline, List<ChannelInput> inputs, SessionRecorder recorder, CoachStage coach,
                        List<String> failures) {
        this.pipeline = pipeline;
        this.inputs = List.copyOf(inputs);
        this.recorder = recorder;
        this.coach = coach;
        this.failures = failures;
    }

    /** A session on this speech model, with questions read by this classifier. */
    public static Builder with(SpeechModel model, UtteranceClassifier classifier) {
        return new Builder(model, classifier);
    }

    /** The stored session's id, or -1 when it is not stored. */
    public long sessionId() {
        return recorder == null ? -1 : recorder.sessionId();
    }

    /** Paused: audio is still read but not recognised, so nothing is heard or stored. */
    public void setPaused(boolean paused) {
        pipeline.setPaused(paused);
    }

    /**
     * A card for the interviewer's current (or last) words even if no question was detected;
     * stored and drafted like any other.
     *
     * @return false when nothing has been heard from the interviewer yet
     */
    public boolean askNow() {
        return pipeline.askNow();
    }

    /** Channels that stopped with an error ("them: device unplugged"). */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** Writes lost so far (0 when not stored); writes held for a retry do not count yet. */
    public int lostWrites() {
        return recorder == null ? 0 : recorder.failedWrites();
    }

    /**
     * How storing ended, once {@link #close()} has returned: stored completely or not, with a
     * one-line summary; empty when the session was not stored ({@code --no-save}) or is still open.
     */
    public synchronized Optional<SessionRecorder.Outcome> storage() {
        return storage;
    }

    /** Waits until every channel has ended (files end by themselves) and drafts have settled. */
    public void awaitEnd() throws InterruptedException {
        pipeline.awaitEnd();
        if (coach != null) {
            coach.awaitIdle();
        }
    }

    /** Stops capture; recognizers flush what they heard. Safe from any thread, more than once. */
    public void stop() {
        pipeline.close();
    }

    /**
     * Stops, then writes what is pending (one last try for writes held after a failure) and closes
     * the stored session: complete; stopped, when a recording it replays was not heard to its end
     * (Ctrl+C); or incomplete with the count of lost writes.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pipeline.close();
        if (coach != null) {
            coach.close(); // its last answer's end is stored too
        }
        if (recorder != null) {
            storage = Optional.of(recorder.closeAndReport(stoppedAt()));
        }
    }

    /**
     * Where a recording being replayed was stopped before its end (the interviewer's first), or empty
     * when every recording was heard to its end; live capture has no end of its own, so stopping it
     * ends the session normally.
     */
    public Optional<StoppedAt> stoppedAt() {
        return inputs.stream()
                .sorted(java.util.Comparator.comparing(i -> i.channel() != Channel.THEM))
                .map(ChannelInput::source)
                .filter(s -> s instanceof WavFileSource w && !w.reachedEnd())
                .map(s -> (WavFileSource) s)
                .findFirst()
                .map(w -> new StoppedAt(w.positionMs(), w.lengthMs()));
    }

    /** Assembles a session; {@link #start()} opens it. */
    public static final class Builder {
        private final SpeechModel model;
        private final UtteranceClassifier classifier;
        private final List<ChannelInput> inputs = new ArrayList<>();
        private final List<PipelineListener> listeners = new ArrayList<>();
        private Optional<? extends HintDrafter> drafter = Optional.empty();
        private Optional<SessionStore> store = Optional.empty();
        private SessionKind kind = SessionKind.LIVE;
        private String title;
        private String themName;
        private String meName;
        private ThreadFactory threads = new NamedThreadFactory("pipeline");
        private boolean coached = true;
        private Supplier<SemanticCoverage> coverage = SemanticCoverage::shipped;
        private Consumer<String> storageProblems = m -> { };

        private Builder(SpeechModel model, UtteranceClassifier classifier) {
            this.model = model;
            this.classifier = classifier;
        }

        /** LLM drafts after the template hint; empty for template hints only. */
        public Builder drafter(Optional<? extends HintDrafter> d) {
            this.drafter = d;
            return this;
        }

        /** Stores the session as it happens; empty: not stored. */
        public Builder storeIn(Optional<SessionStore> s) {
            this.store = s;
            return this;
        }

        public Builder titled(SessionKind k, String t) {
            this.kind = k;
            this.title = t;
            return this;
        }

        /** How the stored session names its inputs (default: each source's own description). */
        public Builder sourceNames(String them, String me) {
            this.themName = them;
            this.meName = me;
            return this;
        }

        public Builder inputs(List<ChannelInput> in) {
            inputs.addAll(in);
            return this;
        }

        public Builder listener(PipelineListener l) {
            listeners.add(l);
            return this;
        }

        /**
         * The live answer coach on the candidate's channel (on by default; it needs a {@code me}
         * input): key points ticked as they are said, pace, time and fillers, the likely follow-up.
         */
        public Builder coach(boolean on) {
            this.coached = on;
            return this;
        }

        /** How the coach decides a key point was said (default: the shipped embeddings, loaded on its thread). */
        public Builder coachCoverage(Supplier<SemanticCoverage> c) {
            this.coverage = c;
            return this;
        }

        public Builder threads(ThreadFactory t) {
            this.threads = t;
            return this;
        }

        /**
         * Told at once (on the writer thread; keep it quick) when the session cannot be stored, when
         * it can again, and at the end what was lost — the user must not learn it only afterwards.
         */
        public Builder storageProblems(Consumer<String> listener) {
            this.storageProblems = listener;
            return this;
        }

        /**
         * Creates the recognizers, starts the stored session and the capture threads.
         *
         * @throws ModelException when a recognizer cannot be created (the inputs are closed)
         */
        public LiveSession start() throws ModelException {
            if (inputs.isEmpty()) {
                throw new IllegalStateException("a session needs at least one audio input");
            }
            QuestionStage questions = new QuestionStage(classifier, new TemplateHintEngine(),
                    drafter.map(d -> new HintDrafting(d)).orElse(null));
            Pipeline pipeline = new Pipeline(Pipeline.RecognizerFactory.vosk(model, questions.spotPhrases()), threads)
                    .withQuestions(questions);
            try {
                for (ChannelInput in : inputs) {
                    pipeline.addChannel(in);
                }
            } catch (ModelException | RuntimeException e) {
                pipeline.close();
                inputs.forEach(in -> in.source().close());
                throw e;
            }
            List<String> failures = new CopyOnWriteArrayList<>();
            pipeline.addListener(e -> {
                if (e instanceof PipelineEvent.ChannelStatus s && s.state() == PipelineEvent.ChannelStatus.State.FAILED) {
                    failures.add(s.channel().id() + ": " + s.message());
                }
            });
            SessionRecorder recorder = store.map(s -> SessionRecorder.start(s, info(), storageProblems)).orElse(null);
            if (recorder != null) {
                pipeline.addListener(recorder); // stored before it is shown
            }
            CoachStage coach = null;
            if (coached && inputs.stream().anyMatch(i -> i.channel() == Channel.ME)) {
                boolean interviewer = inputs.stream().anyMatch(i -> i.channel() == Channel.THEM);
                coach = new CoachStage(new AnswerCoach(coverage, interviewer, e -> pipeline.publishFrom(Channel.ME, e)),
                        new NamedThreadFactory("coach"));
                pipeline.addListener(coach);
                pipeline.onAudioFed(coach::fed);
            }
            listeners.forEach(pipeline::addListener);
            pipeline.start();
            return new LiveSession(pipeline, inputs, recorder, coach, failures);
        }

        private SessionInfo info() {
            String them = themName != null ? themName : describe(Channel.THEM);
            String me = meName != null ? meName : describe(Channel.ME);
            // the LLM questions may be sent to, named even if no draft succeeds (the export says where text went)
            return new SessionInfo(kind, title, them, me, model.dir().getFileName().toString(),
                    drafter.map(HintDrafter::describe).orElse(null));
        }

        private String describe(Channel channel) {
            return inputs.stream().filter(i -> i.channel() == channel).map(i -> i.source().describe())
                    .findFirst().orElse(null);
        }
    }
}
