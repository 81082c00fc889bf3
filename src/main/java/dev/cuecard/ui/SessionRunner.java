package dev.cuecard.ui;

import dev.cuecard.asr.KeywordSpotter;
import dev.cuecard.asr.ModelException;
import dev.cuecard.asr.SpeechModel;
import dev.cuecard.audio.AudioSourceException;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.DeviceCatalog;
import dev.cuecard.audio.WavFileSource;
import dev.cuecard.hint.HintDrafter;
import dev.cuecard.live.CaptureInputs;
import dev.cuecard.live.LiveSession;
import dev.cuecard.pipeline.ChannelInput;
import dev.cuecard.pipeline.NamedThreadFactory;
import dev.cuecard.question.EmbeddingUnavailable;
import dev.cuecard.question.SemanticMatcher;
import dev.cuecard.question.UtteranceClassifier;
import dev.cuecard.session.SessionKind;
import dev.cuecard.session.SessionStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link LiveSession}s for the desktop app on a session thread (loading the model and opening
 * devices take time), one at a time. Reports through the bridge only.
 */
public final class SessionRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRunner.class);

    private final Optional<Path> modelDir;
    private final Optional<? extends HintDrafter> drafter;
    private volatile Optional<SessionStore> store = Optional.empty();
    private volatile long lastSessionId = -1;
    private final UtteranceClassifier classifier;
    /** The classifier with semantic matching once its model has loaded (or the lexical one, if it cannot). */
    private final CompletableFuture<UtteranceClassifier> fullClassifier = new CompletableFuture<>();
    private final FxBridge bridge;
    private final Consumer<StatusMessage> status;
    private final NamedThreadFactory threads = new NamedThreadFactory("session");
    private volatile boolean semanticsRequested;
    /** Guards the model only, so stopping never waits for it to load. */
    private final Object modelLock = new Object();
    private SpeechModel model;
    private volatile LiveSession session;
    private volatile Thread worker;
    /** Set by {@link #stop()}: a session still loading its model or opening devices does not start. */
    private volatile boolean stopRequested;
    private volatile Runnable onListening = () -> { };
    private volatile LongConsumer onSessionStored = id -> { };
    private volatile Runnable onSessionStart = () -> { };

    /**
     * @param status shows a one-line message for the user (already on the FX thread when called)
     */
    public SessionRunner(Optional<Path> modelDir, UtteranceClassifier classifier,
                         Optional<? extends HintDrafter> drafter, FxBridge bridge, Consumer<StatusMessage> status) {
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
        NamedThreadFactory.backgroundThread("semantic-load", () -> {
            try {
                fullClassifier.complete(classifier.withSemantics(SemanticMatcher.loadShipped(cacheDir, classifier.library())));
            } catch (EmbeddingUnavailable e) {
                LOG.warn("semantic matching unavailable: {}", e.getMessage());
                post(StatusMessage.warning("Questions are matched by their words only: " + e.getMessage()));
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

    /**
     * Called on the session thread with a session's id once it has ended and been stored (not when
     * nothing could be stored): the app judges its answers ahead, so its first debrief is quick.
     */
    public void onSessionStored(LongConsumer c) {
        onSessionStored = c;
    }

    /** Called on the session thread each time a session has started listening. */
    public void onListening(Runnable r) {
        onListening = r;
    }

    /** Called on the FX thread when a new session begins, before any of its events (clear the last one). */
    public void onSessionStart(Runnable r) {
        onSessionStart = r;
    }

    /** The shared speech model, loaded on first use (practice answers use it too). */
    public SpeechModel speechModel() throws ModelException {
        synchronized (modelLock) {
            if (model == null) {
                model = SpeechModel.locateAndLoad(modelDir, NamedThreadFactory.background("speech-model"));
            }
            return model;
        }
    }

    /**
     * Readies what the first session would otherwise wait for (call off the FX thread): loads the
     * speech model, makes a recognizer ahead and, once the classifier is ready, the keyword
     * spotter's (its grammar compiled).
     */
    public void warmUp() throws ModelException {
        SpeechModel m = speechModel();
        m.prepareRecognizer();
        classifier.ready().thenAccept(c -> KeywordSpotter.prepare(m, c.technicalTerms().spokenForms()));
    }

    /** Every session from now on is stored here (live, demo). */
    public void storeSessionsIn(SessionStore s) {
        store = Optional.of(s);
    }

    /** The id of the last stored session, or -1. */
    public long lastSessionId() {
        return lastSessionId;
    }

    /** A live session on capture devices; either may be absent. */
    public void startLive(Optional<String> themDevice, Optional<String> meDevice, Runnable onEnd) {
        start(() -> {
            List<String> problems = new ArrayList<>();
            List<ChannelInput> inputs = CaptureInputs.open(DeviceCatalog.forThisMachine(threads), themDevice, meDevice,
                    problems::add);
            if (inputs.isEmpty()) {
                problems.add(0, "No capture device could be opened — connect a microphone or try the demo");
            }
            if (!problems.isEmpty()) {
                post(inputs.isEmpty() ? StatusMessage.error(String.join("; ", problems))
                        : StatusMessage.warning(String.join("; ", problems)));
            }
            return inputs;
        }, onEnd, SessionKind.LIVE, "Live session");
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
        }, onEnd, SessionKind.DEMO, "Demo interview");
    }

    /** Opens the sources for a session; may report problems and return fewer channels. */
    @FunctionalInterface
    private interface Inputs {
        List<ChannelInput> open() throws AudioSourceException;
    }

    private synchronized void start(Inputs inputs, Runnable onEnd, SessionKind kind, String title) {
        if (worker != null && worker.isAlive()) {
            post(StatusMessage.info("A session is already running"));
            return;
        }
        stopRequested = false;
        worker = threads.newThread(() -> run(inputs, onEnd, kind, title));
        worker.start();
    }

    private void run(Inputs inputs, Runnable onEnd, SessionKind kind, String title) {
        LiveSession started = null;
        try {
            post(StatusMessage.info("Loading the speech model…"));
            SpeechModel m = speechModel();
            UtteranceClassifier full = sessionClassifier();
            if (stopRequested) {
                post(StatusMessage.info("Stopped before listening began"));
                return;
            }
            List<ChannelInput> opened = inputs.open();
            if (opened.isEmpty()) {
                return;
            }
            synchronized (this) {
                if (stopRequested) {
                    opened.forEach(in -> in.source().close());
                    post(StatusMessage.info("Stopped before listening began"));
                    return;
                }
                bridge.sessionStarted(onSessionStart);
                started = LiveSession.with(m, full).inputs(opened).drafter(drafter).storeIn(store)
                        .titled(kind, title).listener(bridge).threads(threads)
                        .storageProblems(problem -> post(StatusMessage.error(problem))) // a banner at once, not only when the session ends
                        .start();
                session = started;
            }
            lastSessionId = started.sessionId();
            LOG.info("listening: {} channel(s), {}", opened.size(), title);
            onListening.run();
            started.awaitEnd();
            // without a database (unreadable, read-only folder) nothing was stored: Debrief has nothing to show
            post(store.isPresent() ? StatusMessage.info("Session ended — open Debrief to review it")
                    : StatusMessage.warning("Session ended — it was not stored (no session database), "
                    + "so Debrief cannot show it"));
        } catch (ModelException | AudioSourceException e) {
            post(StatusMessage.error(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("session failed", e);
            post(StatusMessage.error("The session stopped unexpectedly: " + e.getMessage()));
        } finally {
            session = null;
            if (started != null) {
                started.close(); // writes lost by the end are posted by the recorder: what and why
                if (store.isPresent() && started.sessionId() >= 0) {
                    onSessionStored.accept(started.sessionId());
                }
            }
            bridge.post(onEnd);
        }
    }

    private void post(StatusMessage message) {
        bridge.post(() -> status.accept(message));
    }

    public void setPaused(boolean paused) {
        LiveSession s = session;
        if (s != null) {
            s.setPaused(paused);
        }
    }

    /**
     * "Ask now": a card for the interviewer's current words, stored and drafted like any other.
     *
     * @return false when no session is listening or nothing has been heard yet
     */
    public boolean askNow() {
        LiveSession s = session;
        return s != null && s.askNow();
    }

    public boolean isRunning() {
        Thread w = worker;
        return w != null && w.isAlive();
    }

    /** Stops capture (or a session still starting); recognizers flush; returns once the session thread ended. */
    public void stop() {
        LiveSession s;
        synchronized (this) {
            stopRequested = true;
            s = session;
        }
        if (s != null) {
            s.stop();
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
        synchronized (modelLock) {
            if (model != null) {
                model.close();
            }
        }
    }
}
