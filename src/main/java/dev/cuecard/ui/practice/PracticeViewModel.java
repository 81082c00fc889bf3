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
    private final javafx.beans.property.ObjectProperty<PracticeHistory> history =
            new javafx.beans.property.SimpleObjectProperty<>(PracticeHistory.empty());
    /** Totals of this round's answered questions, and how many were skipped: the running average. */
    private final List<Double> roundTotals = new java.util.ArrayList<>();
    private int roundSkipped;
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
    /** A round has been planned and is being asked (or has just ended with its report). */
    private final ReadOnlyBooleanWrapper inRound = new ReadOnlyBooleanWrapper();
    private final StringProperty total = new SimpleStringProperty("");
    private final StringProperty roundAverage = new SimpleStringProperty("");
    private final ObservableList<BreakdownRow> breakdown = FXCollections.observableArrayList();
    private final StringProperty missed = new SimpleStringProperty("");
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
        status.set("Planning the round: reading your past answers…"); // seconds with many stored interviews
        PracticeRound previous = finished.get() ? null : round;
        lane.submit(() -> {
            if (previous != null) {
                previous.leave(); // started over mid-round: the round left is stored as it stands
            }
            PracticeHistory h = store.map(s -> PracticeHistory.load(s, templates, scorer)).orElse(PracticeHistory.empty());
            List<PracticeQuestion> qs = new RoundPlanner(templates, h).plan(setup, new Random(seed));
            return new Planned(h, new PracticeRound(setup, qs, scorer, reviewer, store));
        }, planned -> {
            history.set(planned.history());
            round = planned.round();
            roundSize = planned.round().questions().size();
            roundTotals.clear();
            roundSkipped = 0;
            roundAverage.set("");
            finished.set(false);
            inRound.set(true);
            report.set("");
            showQuestion(planned.round().questions().get(0));
            if (setup.weakTopics()) {
                status.set(planned.history().drillNote()); // which topics this drill is on, or why it is mixed
            }
            busy.set(false);
        }, e -> fail("Could not plan a round: " + e.getMessage()));
    }

    private record Planned(PracticeHistory history, PracticeRound round) {
    }

    private void showQuestion(PracticeQuestion q) {
        question.set(q.text());
        progress.set(String.format(Locale.ROOT, "Question %d of %d · %s", q.number(), roundSize,
                dev.cuecard.ui.Labels.category(q.category())));
        answerText.set("");
        answered.set(false);
        total.set("");
        breakdown.clear();
        missed.set("");
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

    /** Key points are sentences: their own closing stop goes where the list puts "; " ("…stuck.; Pick…"). */
    static String missedList(java.util.List<String> points) {
        return points.stream().map(p -> p.strip().replaceAll("[.;,:]+$", "")).collect(
                java.util.stream.Collectors.joining("; "));
    }

    private void show(QuestionResult r) {
        busy.set(false);
        status.set("");
        if (r.answer().spoken()) {
            answerText.set(r.answer().text());
        }
        total.set(String.format(Locale.ROOT, "%.1f / 10", r.score().total()));
        for (DimensionScore d : r.score().dimensions()) {
            breakdown.add(BreakdownRow.of(d));
        }
        missed.set(r.score().missedKeyPoints().isEmpty() ? ""
                : "Missed key points: " + missedList(r.score().missedKeyPoints()));
        if (r.answer().wordCount() > 0) {
            roundTotals.add(r.score().total());
        } else {
            roundSkipped++;
        }
        updateRoundAverage();
        followUp.set(r.followUp().map(f -> (r.followUpFromLlm() ? "Follow-up (LLM): " : "Follow-up: ") + f).orElse(""));
        review.set(r.review().map(v -> "LLM review: " + v.text()).orElse(r.llmStatus().orElse("")));
        answered.set(true); // last: whoever reacts to it finds the score and breakdown in place
        if (upNext.isEmpty()) {
            finish(); // the report is prepared while the last score is on screen; the user opens it
        }
    }

    /** "Round so far: 4.1 / 10 over 2 answered · 1 skipped": skipped questions are not zeros. */
    private void updateRoundAverage() {
        String skipped = roundSkipped == 0 ? "" : " · " + roundSkipped + " skipped";
        roundAverage.set(roundTotals.isEmpty() ? (roundSkipped == 0 ? "" : "Round so far: nothing answered" + skipped)
                : String.format(Locale.ROOT, "Round so far: %.1f / 10 over %d answered%s",
                roundTotals.stream().mapToDouble(Double::doubleValue).average().orElse(0), roundTotals.size(), skipped));
    }

    /** The round average as a number, over answered questions only (empty before any answer). */
    public java.util.OptionalDouble roundAverageValue() {
        return roundTotals.stream().mapToDouble(Double::doubleValue).average();
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
            // after the last answer the report is already being prepared (finish runs once)
            upNext.ifPresentOrElse(this::showQuestion, () -> status.set("Preparing the report…"));
            return;
        }
        busy.set(true);
        PracticeRound r = round;
        lane.submit(() -> {
            r.skip();
            return r.finished() ? Optional.<PracticeQuestion>empty() : Optional.of(r.current());
        }, following -> {
            busy.set(false);
            roundSkipped++;
            updateRoundAverage();
            following.ifPresentOrElse(this::showQuestion, this::finish);
        }, e -> fail(e.getMessage()));
    }

    /**
     * Ends the round: the history is read again so the report and the progress chart include
     * this round (it was read once, before the round, and the chart stayed as it was).
     */
    private void finish() {
        PracticeRound r = round;
        PracticeHistory before = history.get();
        lane.submit(() -> {
            PracticeHistory h = store.map(s -> PracticeHistory.load(s, templates, scorer)).orElse(before);
            dev.cuecard.practice.PracticeReport rep = r.finish(h);
            return new Finished(PracticeMarkdown.render(rep, ZoneId.systemDefault()), rep.history());
        }, done -> {
            status.set("");
            report.set(done.markdown()); // before "finished": whoever reacts to it finds the report there
            history.set(done.history());
            finished.set(true);
        }, e -> fail("Could not finish the round: " + e.getMessage()));
    }

    private record Finished(String markdown, PracticeHistory history) {
    }

    private void fail(String message) {
        busy.set(false);
        status.set(message);
    }

    /** The window closed: a recording stops, work on the lane is interrupted and its results dropped. */
    public void close() {
        stopRecording();
        lane.shutdown(Duration.ZERO);
        PracticeRound r = round;
        if (r != null && !finished.get()) {
            // its session is closed with what was answered: it stayed "still recording" in the debrief
            tasks.run(r::leave, () -> { }, e -> status.set("Could not close the round: " + e.getMessage()));
        }
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

    /** The round's running average over answered questions, with the skipped ones counted apart. */
    public StringProperty roundAverageProperty() {
        return roundAverage;
    }

    public ObservableList<BreakdownRow> breakdown() {
        return breakdown;
    }

    /** The card's key points the answer missed, in one line (empty when none). */
    public StringProperty missedProperty() {
        return missed;
    }

    /** A round is planned: answering, scoring and Next can act. */
    public ReadOnlyBooleanProperty inRoundProperty() {
        return inRound.getReadOnlyProperty();
    }

    public StringProperty followUpProperty() {
        return followUp;
    }

    public StringProperty reviewProperty() {
        return review;
    }

    /** The background work of the window around this model (its report is rendered there). */
    TaskExecutor tasks() {
        return tasks;
    }

    public StringProperty reportProperty() {
        return report;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public PracticeHistory history() {
        return history.get();
    }

    /** Past scores; replaced when a round is planned and again when it ends (this round included). */
    public javafx.beans.property.ReadOnlyObjectProperty<PracticeHistory> historyProperty() {
        return history;
    }
}
