package dev.cuecard.ui;

import dev.cuecard.hint.HintLevel;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.audio.Channel;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.HintEngine;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.question.Classification;
import dev.cuecard.question.DetectedQuestion;
import dev.cuecard.question.UtteranceClassifier;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The view model of a live session: read by the overlay and the main window, written only on the
 * FX thread (by {@link FxBridge} and by commands). No nodes in here.
 */
public final class LiveSessionModel {
    /** Transcript lines kept on screen; older ones stay in the session store. */
    static final int MAX_TRANSCRIPT_LINES = 500;

    private final UtteranceClassifier classifier;
    private final HintEngine templates;
    private final ObservableList<TranscriptLine> transcript = FXCollections.observableArrayList();
    private final StringProperty themPartial = new SimpleStringProperty("");
    private final StringProperty mePartial = new SimpleStringProperty("");
    private final DoubleProperty themLevel = new SimpleDoubleProperty();
    private final DoubleProperty meLevel = new SimpleDoubleProperty();
    private final ObservableList<QuestionCard> questions = FXCollections.observableArrayList();
    private final ObjectProperty<QuestionCard> shown = new SimpleObjectProperty<>();
    private final ObjectProperty<HintLevel> level = new SimpleObjectProperty<>(HintLevel.OUTLINE);
    private final BooleanProperty listening = new SimpleBooleanProperty();
    private String listeningNote = "";
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final BooleanProperty overlayVisible = new SimpleBooleanProperty(true);
    private final BooleanProperty sendingToLlm = new SimpleBooleanProperty();
    /** The session database is open: stored sessions can be reviewed. */
    private final BooleanProperty sessionsAvailable = new SimpleBooleanProperty();
    private final ObjectProperty<StatusMessage> status = new SimpleObjectProperty<>(StatusMessage.info("Ready"));
    /** Every message shown this run, oldest first (the last {@value #MAX_STATUS_HISTORY}). */
    private final ObservableList<StatusMessage> statusHistory = FXCollections.observableArrayList(status.get());
    static final int MAX_STATUS_HISTORY = 30;
    private final CoachModel coach = new CoachModel();
    private int manualIds = 10_000;

    public LiveSessionModel(UtteranceClassifier classifier, HintEngine templates) {
        this.classifier = classifier;
        this.templates = templates;
        // a meter shows what is heard now: nothing once paused or stopped (it froze at its last level)
        paused.addListener((o, was, now) -> {
            if (now) {
                silenceMeters();
            }
        });
        listening.addListener((o, was, now) -> {
            if (!now) {
                silenceMeters();
            }
        });
    }

    private void silenceMeters() {
        themLevel.set(0);
        meLevel.set(0);
    }

    /** Applies one pipeline event; FX thread. */
    public void apply(PipelineEvent event) {
        coach.apply(event);
        if (event instanceof PipelineEvent.Transcript t) {
            onTranscript(t.event());
        } else if (event instanceof PipelineEvent.Level l) {
            (l.channel() == Channel.THEM ? themLevel : meLevel).set(paused.get() ? 0 : l.level().rms());
        } else if (event instanceof PipelineEvent.Question q) {
            onQuestion(q.question());
        } else if (event instanceof PipelineEvent.QuestionHeard q) {
            // the same card, now with everything the interviewer said
            find(q.question().id()).ifPresent(card -> card.classificationProperty().set(q.question().classification()));
        } else if (event instanceof PipelineEvent.HintReady h) {
            onHint(h.questionId(), h.hint(), h.atMs());
        } else if (event instanceof PipelineEvent.HintUpdate u) {
            find(u.questionId()).ifPresent(card -> {
                card.hintProperty().set(u.hint());
                if (u.complete()) {
                    sendingToLlm.set(false);
                    card.statusProperty().set("");
                }
            });
        } else if (event instanceof PipelineEvent.TextSent t) {
            // the overlay says so whenever words leave the machine
            sendingToLlm.set(t.offMachine());
            find(t.questionId()).ifPresent(card -> card.statusProperty().set(t.offMachine() ? "" : "local LLM"));
        } else if (event instanceof PipelineEvent.LlmStatus s) {
            sendingToLlm.set(false);
            if (s.state() == PipelineEvent.LlmStatus.State.FAILED) {
                find(s.questionId()).ifPresent(card -> card.statusProperty().set(s.message()));
            }
        } else if (event instanceof PipelineEvent.ChannelStatus s) {
            String who = s.channel() == Channel.THEM ? "Interviewer audio: " : "Your microphone: ";
            switch (s.state()) {
                case FAILED -> say(StatusMessage.error(who + s.message()));
                case LOST -> say(StatusMessage.warning(who + s.message()));
                case RECOVERED, SWITCHED -> say(StatusMessage.info(who + s.message()));
                case STARTED -> say(StatusMessage.success(listeningNote.isEmpty() ? "Listening"
                        : "Listening · " + listeningNote));
                default -> {
                    // ENDED and OVERRUN do not change what the user needs to see
                }
            }
        }
    }

    /**
     * A new session starts on a clean slate: the previous session's transcript, partials, levels
     * and cards are cleared (they stay in the session store and its debrief), since the new one's
     * question ids and audio times start again from the beginning. The detail level, pause and
     * overlay visibility are the user's and stay. FX thread; through
     * {@link FxBridge#sessionStarted} when called from elsewhere.
     */
    public void sessionStarted() {
        transcript.clear();
        themPartial.set("");
        mePartial.set("");
        silenceMeters();
        shown.set(null);
        questions.clear();
        sendingToLlm.set(false);
        coach.clear();
    }

    private void onTranscript(TranscriptEvent e) {
        StringProperty partial = e.channel() == Channel.THEM ? themPartial : mePartial;
        if (e.isFinal()) {
            partial.set("");
            transcript.add(new TranscriptLine(e.channel(), e.text(), e.startMs()));
            if (transcript.size() > MAX_TRANSCRIPT_LINES) {
                transcript.remove(0, transcript.size() - MAX_TRANSCRIPT_LINES);
            }
        } else {
            partial.set(e.text());
        }
    }

    private void onQuestion(DetectedQuestion q) {
        Optional<QuestionCard> existing = find(q.id());
        if (existing.isPresent()) {
            existing.get().classificationProperty().set(q.classification());
            return;
        }
        QuestionCard card = new QuestionCard(q.id(), q.classification());
        long lead = q.speechEndMs() - q.atMs();
        card.latencyProperty().set(q.early() ? "card while the question was still being asked"
                : String.format(Locale.ROOT, "card %d ms after the question", Math.max(0, -lead)));
        questions.add(card);
        shown.set(card);
        if (q.reason() == dev.cuecard.question.DecisionReason.ASKED) {
            card.latencyProperty().set("asked on demand");
            overlayVisible.set(true);
        }
    }

    private void onHint(int questionId, Hint hint, long atMs) {
        find(questionId).ifPresent(card -> {
            card.hintProperty().set(hint);
            if (shown.get() == null || shown.get().id() == questionId) {
                shown.set(card);
            }
        });
    }

    private Optional<QuestionCard> find(int id) {
        return questions.stream().filter(c -> c.id() == id).findFirst();
    }

    /**
     * "Ask now" with no session running (a running session asks its engine, so the card is stored):
     * a card for the interviewer's last words even if the detector stayed silent — the current
     * partial if one is open, else the last final line of the interviewer.
     */
    public void askNow() {
        String text = themPartial.get();
        if (text == null || text.isBlank()) {
            text = transcript.stream().filter(l -> l.channel() == Channel.THEM).reduce((a, b) -> b)
                    .map(TranscriptLine::text).orElse("");
        }
        if (text.isBlank()) {
            say(StatusMessage.info("Nothing heard yet to hint on"));
            return;
        }
        Classification c = classifier.classifyAsQuestion(text);
        QuestionCard card = new QuestionCard(++manualIds, c);
        card.latencyProperty().set("asked on demand");
        Hint hint = templates.hintFor(c).orElse(dev.cuecard.hint.TemplateHintEngine.general(text));
        card.hintProperty().set(hint);
        questions.add(card);
        shown.set(card);
        overlayVisible.set(true);
    }

    public void showQuestion(QuestionCard card) {
        shown.set(card);
        overlayVisible.set(true);
    }

    public void nextHint() {
        step(1);
    }

    public void previousHint() {
        step(-1);
    }

    private void step(int delta) {
        if (questions.isEmpty()) {
            return;
        }
        int i = shown.get() == null ? questions.size() - 1 : questions.indexOf(shown.get());
        shown.set(questions.get(Math.max(0, Math.min(questions.size() - 1, i + delta))));
    }

    public void moreDetail() {
        level.set(level.get().more());
    }

    public void lessDetail() {
        level.set(level.get().less());
    }

    public void toggleOverlay() {
        overlayVisible.set(!overlayVisible.get());
    }

    public ObservableList<TranscriptLine> transcript() {
        return transcript;
    }

    public StringProperty themPartialProperty() {
        return themPartial;
    }

    public StringProperty mePartialProperty() {
        return mePartial;
    }

    public DoubleProperty themLevelProperty() {
        return themLevel;
    }

    public DoubleProperty meLevelProperty() {
        return meLevel;
    }

    public ObservableList<QuestionCard> questions() {
        return questions;
    }

    public ObjectProperty<QuestionCard> shownProperty() {
        return shown;
    }

    public ObjectProperty<HintLevel> levelProperty() {
        return level;
    }

    public BooleanProperty listeningProperty() {
        return listening;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public BooleanProperty overlayVisibleProperty() {
        return overlayVisible;
    }

    public BooleanProperty sessionsAvailableProperty() {
        return sessionsAvailable;
    }

    public BooleanProperty sendingToLlmProperty() {
        return sendingToLlm;
    }

    /** The latest message for the status area. */
    public javafx.beans.property.ReadOnlyObjectProperty<StatusMessage> statusProperty() {
        return status;
    }

    /** Every message of this run, oldest first: an error stays findable after later messages. */
    public ObservableList<StatusMessage> statusHistory() {
        return statusHistory;
    }

    /** What "Listening" adds: whether anything leaves the machine (the demo skips the first-run screen that says so). */
    public void listeningNote(String note) {
        listeningNote = note;
    }

    /** Shows a message in the status area (the same one again within 2 s only once); FX thread. */
    public void say(StatusMessage m) {
        StatusMessage now = status.get();
        if (now != null && now.severity() == m.severity() && now.text().equals(m.text())
                && java.time.Duration.between(now.at(), m.at()).abs().getSeconds() < 2) {
            return; // both channels starting say "Listening" once
        }
        status.set(m);
        statusHistory.add(m);
        if (statusHistory.size() > MAX_STATUS_HISTORY) {
            statusHistory.remove(0, statusHistory.size() - MAX_STATUS_HISTORY);
        }
    }

    /** The live answer coach's view of the candidate's answers. */
    public CoachModel coach() {
        return coach;
    }
}
