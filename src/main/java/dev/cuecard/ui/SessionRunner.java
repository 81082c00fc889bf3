package dev.cuecard.ui;

import dev.cuecard.asr.ModelException;
import dev.cuecard.asr.SpeechModel;
import dev.cuecard.audio.AudioSourceException;
import dev.cuecard.audio.CaptureDevice;
import dev.cuecard.audio.CaptureDevices;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.MicrophoneSource;
import dev.cuecard.audio.WavFileSource;
import dev.cuecard.hint.TemplateHintEngine;
import dev.cuecard.pipeline.ChannelInput;
import dev.cuecard.pipeline.NamedThreadFactory;
import dev.cuecard.pipeline.Pipeline;
import dev.cuecard.pipeline.PipelineListener;
import dev.cuecard.pipeline.QuestionStage;
import dev.cuecard.question.UtteranceClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the pipeline for the desktop app, off the FX thread (loading the model and
 * opening devices take time). Reports through the bridge only.
 */
public final class SessionRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRunner.class);

    private final Optional<Path> modelDir;
    private final Optional<dev.cuecard.hint.HintDrafter> drafter;
    private volatile Optional<dev.cuecard.session.SessionStore> store = Optional.empty();
    private volatile long lastSessionId = -1;
    private final UtteranceClassifier classifier;
    /** The classifier with semantic matching once its model has loaded (or the lexical one, if it cannot). */
    private final java.util.concurrent.CompletableFuture<UtteranceClassifier> fullClassifier =
            new java.util.concurrent.CompletableFuture<>();
    private final FxBridge bridge;
    private final Consumer<String> status;
    private final List<PipelineListener> extraListeners = new CopyOnWriteArrayList<>();
    private final NamedThreadFactory threads = new NamedThreadFactory("session");
    private volatile boolean semanticsRequested;
    private SpeechModel model;
    private volatile Pipeline pipeline;
    private volatile Thread worker;
    private volatile Runnable onListening = () -> { };

    /**
     * @param status posts a one-line message for the user (already on the FX thread when called)
     */
    public SessionRunner(Optional<Path> modelDir, UtteranceClassifier classifier,
                         Optional<dev.cuecard.hint.HintDrafter> drafter, FxBridge bridge, Consumer<String> status) {
        this.modelDir = modelDir;
        this.drafter = drafter;
        this.classifier = classifier;
        this.bridge = bridge;
        this.status = status;
    }

    /**
     * Loads the semantic model in the background (1–3 s) while the user looks at the window;
     * sessions wait for it, and go on with the lexical classifier (saying so) when it cannot load.
     */
    public void loadSemantics(Path cacheDir) {
        semanticsRequested = true;
        threads.newThread(() -> {
            try {
                fullClassifier.complete(classifier.withSemantics(
                        dev.cuecard.question.SemanticMatcher.loadShipped(cacheDir, classifier.library())));
            } catch (dev.cuecard.question.EmbeddingUnavailable e) {
                LOG.warn("semantic matching unavailable: {}", e.getMessage());
                post("Questions are matched by their words only: " + e.getMessage());
                fullClassifier.complete(classifier);
            } catch (RuntimeException | Error e) {
                fullClassifier.complete(classifier);
                throw e;
            }
        }).start();
    }

    /** Waits for the semantic model when it was asked for (sessions decide with it), else the lexical classifier. */
    private UtteranceClassifier sessionClassifier() {
        return semanticsRequested ? fullClassifier.join() : classifier;
    }

    /** Called on the session thread each time a pipeline has started listening. */
    public void onListening(Runnable r) {
        onListening = r;
    }

    /** The shared speech model, loaded on first use (practice answers use it too). */
    public synchronized SpeechModel speechModel() throws ModelException {
        if (model == null) {
            model = SpeechModel.locateAndLoad(modelDir);
        }
        return model;
    }

    /** Every session from now on is stored here (live, demo). */
    public void storeSessionsIn(dev.cuecard.session.SessionStore s) {
        store = Optional.of(s);
    }

    /** The id of the last stored session, or -1. */
    public long lastSessionId() {
        return lastSessionId;
    }

    /** Another listener for every session. */
    public void addListener(PipelineListener l) {
        extraListeners.add(l);
    }

    /** A live session on capture devices; either may be absent. */
    public void startLive(Optional<String> themDevice, Optional<String> meDevice, Runnable onEnd) {
        start(() -> {
            List<ChannelInput> inputs = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            themDevice.ifPresent(name -> open(Channel.THEM, name, problems).ifPresent(inputs::add));
            Optional<String> me = meDevice.or(() -> CaptureDevices.list().stream()
                    .filter(d -> !d.looksLikeLoopback()).map(CaptureDevice::name).findFirst());
            me.ifPresent(name -> open(Channel.ME, name, problems).ifPresent(inputs::add));
            if (inputs.isEmpty()) {
                problems.add(0, "No capture device could be opened — connect a microphone or try the demo");
            }
            if (!problems.isEmpty()) {
                post(String.join("; ", problems));
            }
            return inputs;
        }, onEnd, dev.cuecard.session.SessionKind.LIVE, "Live session");
    }

    /** A replay of recordings through the same pipeline (the demo). */
    public void startReplay(Path them, Optional<Path> me, double speed, Runnable onEnd) {
        start(() -> {
            List<ChannelInput> inputs = new ArrayList<>();
            inputs.add(new ChannelInput(Channel.THEM, new WavFileSource(them, speed)));
            if (me.isPresent()) {
                inputs.add(new ChannelInput(Channel.ME, new WavFileSource(me.get(), speed)));
            }
            return inputs;
        }, onEnd, dev.cuecard.session.SessionKind.DEMO, "Demo: " + them.getFileName());
    }

    /** Opens the sources for a session; may report problems and return fewer channels. */
    @FunctionalInterface
    private interface Inputs {
        List<ChannelInput> open() throws AudioSourceException;
    }

    private synchronized void start(Inputs inputs, Runnable onEnd, dev.cuecard.session.SessionKind kind,
                                    String title) {
        if (worker != null && worker.isAlive()) {
            post("A session is already running");
            return;
        }
        worker = threads.newThread(() -> run(inputs, onEnd, kind, title));
        worker.start();
    }

    private void run(Inputs inputs, Runnable onEnd, dev.cuecard.session.SessionKind kind, String title) {
        dev.cuecard.session.SessionRecorder recorder = null;
        try {
            post("Loading the speech model…");
            speechModel();
            List<ChannelInput> opened = inputs.open();
            if (opened.isEmpty()) {
                return;
            }
            UtteranceClassifier full = sessionClassifier();
            QuestionStage questions = drafter
                    .map(d -> new QuestionStage(full, new TemplateHintEngine(),
                            new dev.cuecard.pipeline.HintDrafting(d)))
                    .orElseGet(() -> new QuestionStage(full, new TemplateHintEngine()));
            Pipeline p = new Pipeline(Pipeline.RecognizerFactory.vosk(model, questions.spotPhrases()), threads).withQuestions(questions);
            p.addListener(bridge);
            extraListeners.forEach(p::addListener);
            if (store.isPresent()) {
                String them = opened.stream().filter(i -> i.channel() == Channel.THEM).map(i -> i.source().describe())
                        .findFirst().orElse(null);
                String me = opened.stream().filter(i -> i.channel() == Channel.ME).map(i -> i.source().describe())
                        .findFirst().orElse(null);
                recorder = dev.cuecard.session.SessionRecorder.start(store.get(), new dev.cuecard.session.SessionInfo(
                        kind, title, them, me, model.dir().getFileName().toString(), null), this::post);
                lastSessionId = recorder.sessionId();
                p.addListener(recorder);
            }
            for (ChannelInput in : opened) {
                p.addChannel(in);
            }
            pipeline = p;
            p.start();
            LOG.info("listening: {} channel(s), {}", opened.size(), title);
            onListening.run();
            p.awaitEnd();
            post("Session ended");
        } catch (ModelException | AudioSourceException e) {
            post(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("session failed", e);
            post("The session stopped unexpectedly: " + e.getMessage());
        } finally {
            pipeline = null;
            if (recorder != null) {
                recorder.close();
            }
            bridge.post(onEnd);
        }
    }

    private Optional<ChannelInput> open(Channel channel, String name, List<String> problems) {
        Optional<CaptureDevice> device = CaptureDevices.find(name);
        if (device.isEmpty()) {
            problems.add(channel.id() + " device '" + name + "' not found");
            return Optional.empty();
        }
        try {
            return Optional.of(new ChannelInput(channel, new MicrophoneSource(device.get())));
        } catch (AudioSourceException e) {
            problems.add(channel.id() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private void post(String message) {
        bridge.post(() -> status.accept(message));
    }

    public void setPaused(boolean paused) {
        Pipeline p = pipeline;
        if (p != null) {
            p.setPaused(paused);
        }
    }

    public boolean isRunning() {
        Thread w = worker;
        return w != null && w.isAlive();
    }

    /** Stops capture; recognizers flush; returns once the session thread ended. */
    public void stop() {
        Pipeline p = pipeline;
        if (p != null) {
            p.close();
        }
        Thread w = worker;
        if (w != null) {
            try {
                w.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
        if (model != null) {
            model.close();
        }
    }
}
