package dev.cuecard.ui.practice;

import dev.cuecard.asr.SpeechModel;
import dev.cuecard.audio.AudioSource;
import dev.cuecard.audio.AudioSourceException;
import dev.cuecard.audio.CaptureDevice;
import dev.cuecard.audio.CaptureDevices;
import dev.cuecard.audio.MicrophoneSource;
import dev.cuecard.audio.PauseEndedSource;
import dev.cuecard.practice.Answer;
import dev.cuecard.practice.AnswerReviewer;
import dev.cuecard.practice.AnswerScorer;
import dev.cuecard.practice.DimensionScore;
import dev.cuecard.practice.PracticeHistory;
import dev.cuecard.practice.PracticeMarkdown;
import dev.cuecard.practice.PracticeQuestion;
import dev.cuecard.practice.PracticeRound;
import dev.cuecard.practice.QuestionResult;
import dev.cuecard.practice.RoundPlanner;
import dev.cuecard.practice.RoundSetup;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionStore;
import dev.cuecard.ui.TaskExecutor;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A practice round for the window: the question, a timer, the answer (typed or spoken), the
 * score breakdown and the follow-up. Everything that touches the round — planning, recognition,
 * scoring, the LLM review and the SQLite writes, skipping and finishing — runs on one serial lane
 * of the {@link TaskExecutor}, in the order asked; results come back on the FX thread, where the
 * properties live. The FX thread never touches the round itself: it keeps the question on show.
 */
public final class PracticeViewModel {
    /** Silence that ends a spoken answer. */
    static final long ANSWER_END_PAUSE_MS = 4000;

    private final TemplateLibrary templates;
    private final AnswerScorer scorer;
    private final Optional<AnswerReviewer> reviewer;
    private final Optional<SessionStore> store;
    private final Supplier<SpeechModel> speechModel;
    private final TaskExecutor tasks;
    private final TaskExecutor lane;
    private PracticeRound round;
    private int roundSize;
    /** The question after the one answered (empty when the round is over); set when a score arrives. */
    private Optional<PracticeQuestion> upNext = Optional.empty();
    private PracticeHistory history = PracticeHistory.empty();
    /** The microphone of the spoken answer being recorded: opened on the lane, closed by stop. */
    private final AtomicReference<AudioSource> microphone = new AtomicReference<>();
    private volatile boolean stopRequested;

    private final StringProperty question = new SimpleStringProperty("");
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty answerText = new SimpleStringProperty("");
    private final IntegerProperty elapsedSeconds = new SimpleIntegerProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty answered = new SimpleBooleanProperty();
    private final BooleanProperty finished = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper microphoneAvailable = new ReadOnlyBooleanWrapper();
    private final StringProperty total = new SimpleStringProperty("");
    private final ObservableList<String> breakdown = FXCollections.observableArrayList();
    private final StringProperty followUp = new SimpleStringProperty("");
    private final StringProperty review = new SimpleStringProperty("");
    private final StringProperty report = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    public PracticeViewModel(TemplateLibrary templates, AnswerScorer scorer, Optional<AnswerReviewer> reviewer,
                             Optional<SessionStore> store, Supplier<SpeechModel> speechModel, TaskExecutor tasks) {
        this.templates = templates;
        this.scorer = scorer;
        this.reviewer = reviewer;
        this.store = store;
        this.speechModel = speechModel;
        this.tasks = tasks;
        this.lane = tasks.serial("practice");
    }

    /** Plans and starts a round (weak topics come from the stored history). */
    public void start(RoundSetup setup, long seed) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        lane.submit(() -> {
            PracticeHistory h = store.map(s -> PracticeHistory.load(s, templates, scorer)).orElse(PracticeHistory.empty());
            List<PracticeQuestion> qs = new RoundPlanner(templates, h).plan(setup, new Random(seed));
            return new Planned(h, new PracticeRound(setup, qs, scorer, reviewer, store));
        }, planned -> {
            history = planned.history();
            round = planned.round();
            roundSize = planned.round().questions().size();
            finished.set(false);
            report.set("");
            showQuestion(planned.round().questions().get(0));
            busy.set(false);
        }, e -> fail("Could not plan a round: " + e.getMessage()));
    }

    private record Planned(PracticeHistory history, PracticeRound round) {
    }

    private void showQuestion(PracticeQuestion q) {
        question.set(q.text());
        progress.set(String.format(Locale.ROOT, "Question %d of %d · %s", q.number(), roundSize,
                q.category().id().replace('_', ' ')));
        answerText.set("");
        answered.set(false);
        total.set("");
        breakdown.clear();
        followUp.set("");
        review.set("");
        status.set("");
        elapsedSeconds.set(0);
    }

    /** Called each second by the window's timer while a question is open. */
    public void tick() {
        if (round != null && !answered.get() && !finished.get()) {
            elapsedSeconds.set(elapsedSeconds.get() + 1);
        }
    }

    public void submitTyped() {
        String text = answerText.get();
        if (text == null || text.isBlank()) {
            status.set("Type an answer first, or record one");
            return;
        }
        score(() -> Answer.typed(text));
    }

    /** A spoken answer from any source (the microphone, or a recording): recognised, then scored. */
    public void submitSpoken(Supplier<AudioSource> source) {
        score(() -> {
            try {
                return dev.cuecard.practice.WavAnswers.recognise(speechModel.get(), source.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            } catch (dev.cuecard.asr.ModelException e) {
                throw new IllegalStateException(e.getMessage());
            }
        });
    }

    /** Checks in the background whether there is a microphone to record answers with. */
    public void checkMicrophone() {
        tasks.submit(() -> !CaptureDevices.list().isEmpty(), microphoneAvailable::set,
                e -> microphoneAvailable.set(false));
    }

    /**
     * Records a spoken answer from the first capture device until {@link #stopRecording()} or a
     * long pause, then scores it. The device is opened on the lane, not on the FX thread.
     */
    public void startRecording() {
        if (round == null || answered.get() || busy.get()) {
            return;
        }
        stopRequested = false;
        recording.set(true);
        submitSpoken(() -> {
            CaptureDevice device = CaptureDevices.list().stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("Microphone unavailable: no capture device"
                            + " — type the answer instead"));
            MicrophoneSource mic;
            try {
                mic = new MicrophoneSource(device);
            } catch (AudioSourceException e) {
                throw new IllegalStateException("Microphone unavailable: " + e.getMessage()
                        + " — type the answer instead", e);
            }
            microphone.set(mic);
            if (stopRequested) {
                mic.close(); // stopped while it opened: an empty answer
            }
            return new PauseEndedSource(mic, ANSWER_END_PAUSE_MS);
        });
    }

    /** Ends the recording: recognition flushes and the answer is scored. */
    public void stopRecording() {
        stopRequested = true;
        AudioSource mic = microphone.getAndSet(null);
        if (mic != null) {
            tasks.run(mic::close, () -> { }, e -> { });
        }
    }

    private void score(Supplier<Answer> answer) {
        if (round == null || answered.get() || busy.get()) {
            return;
        }
        busy.set(true);
        status.set("Scoring…");
        PracticeRound r = round;
        lane.submit(() -> {
            QuestionResult result = r.answer(answer.get());
            return new Scored(result, r.finished() ? Optional.empty() : Optional.of(r.current()));
        }, scored -> {
            endRecording();
            upNext = scored.next();
            show(scored.result());
        }, e -> {
            endRecording();
            fail(e.getMessage());
        });
    }

    private record Scored(QuestionResult result, Optional<PracticeQuestion> next) {
    }

    private void endRecording() {
        microphone.set(null);
        recording.set(false);
    }

    private void show(QuestionResult r) {
        busy.set(false);
        status.set("");
        if (r.answer().spoken()) {
            answerText.set(r.answer().text());
        }
        total.set(String.format(Locale.ROOT, "%.1f / 10", r.score().total()));
        for (DimensionScore d : r.score().dimensions()) {
            breakdown.add(d.outOfTen().map(v -> String.format(Locale.ROOT, "%-13s %4.1f  %s", d.dimension().label(), v,
                    d.suggestion())).orElse(String.format(Locale.ROOT, "%-13s  –   %s", d.dimension().label(),
                    d.finding())));
        }
        if (!r.score().missedKeyPoints().isEmpty()) {
            breakdown.add("Missed: " + String.join("; ", r.score().missedKeyPoints()));
        }
        followUp.set(r.followUp().map(f -> (r.followUpFromLlm() ? "Follow-up (LLM): " : "Follow-up: ") + f).orElse(""));
        review.set(r.review().map(v -> "LLM review: " + v.summary()).orElse(r.llmStatus().orElse("")));
        answered.set(true); // last: whoever reacts to it finds the score and breakdown in place
        if (upNext.isEmpty()) {
            finish();
        }
    }

    /**
     * The next question: after the score is shown, or skipping the current one. While an answer
     * is being scored it waits — the score belongs to the question on screen.
     */
    public void next() {
        if (round == null || finished.get()) {
            return;
        }
        if (busy.get()) {
            status.set("Scoring… the next question comes once the score is shown");
            return;
        }
        if (answered.get()) {
            upNext.ifPresentOrElse(this::showQuestion, this::finish);
            return;
        }
        busy.set(true);
        PracticeRound r = round;
        lane.submit(() -> {
            r.skip();
            return r.finished() ? Optional.<PracticeQuestion>empty() : Optional.of(r.current());
        }, following -> {
            busy.set(false);
            following.ifPresentOrElse(this::showQuestion, this::finish);
        }, e -> fail(e.getMessage()));
    }

    private void finish() {
        PracticeRound r = round;
        PracticeHistory h = history;
        lane.submit(() -> PracticeMarkdown.render(r.finish(h), ZoneId.systemDefault()), md -> {
            report.set(md); // before "finished": whoever reacts to it finds the report there
            finished.set(true);
        }, e -> fail("Could not finish the round: " + e.getMessage()));
    }

    private void fail(String message) {
        busy.set(false);
        status.set(message);
    }

    /** The window closed: a recording stops, work on the lane is interrupted and its results dropped. */
    public void close() {
        stopRecording();
        lane.shutdown(Duration.ZERO);
    }

    public StringProperty questionProperty() {
        return question;
    }

    public StringProperty progressProperty() {
        return progress;
    }

    public StringProperty answerTextProperty() {
        return answerText;
    }

    public IntegerProperty elapsedSecondsProperty() {
        return elapsedSeconds;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty answeredProperty() {
        return answered;
    }

    public BooleanProperty finishedProperty() {
        return finished;
    }

    /** A spoken answer is being recorded from the microphone. */
    public ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** There is a capture device to record with (known after {@link #checkMicrophone()}). */
    public ReadOnlyBooleanProperty microphoneAvailableProperty() {
        return microphoneAvailable.getReadOnlyProperty();
    }

    public StringProperty totalProperty() {
        return total;
    }

    public ObservableList<String> breakdown() {
        return breakdown;
    }

    public StringProperty followUpProperty() {
        return followUp;
    }

    public StringProperty reviewProperty() {
        return review;
    }

    public StringProperty reportProperty() {
        return report;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public PracticeHistory history() {
        return history;
    }
}
