package dev.cuecard.ui.practice;

import dev.cuecard.asr.SpeechModel;
import dev.cuecard.audio.AudioSource;
import dev.cuecard.pipeline.NamedThreadFactory;
import dev.cuecard.practice.Answer;
import dev.cuecard.practice.AnswerReviewer;
import dev.cuecard.practice.AnswerScorer;
import dev.cuecard.practice.DimensionScore;
import dev.cuecard.practice.PracticeHistory;
import dev.cuecard.practice.PracticeMarkdown;
import dev.cuecard.practice.PracticeQuestion;
import dev.cuecard.practice.PracticeReport;
import dev.cuecard.practice.PracticeRound;
import dev.cuecard.practice.QuestionResult;
import dev.cuecard.practice.RoundPlanner;
import dev.cuecard.practice.RoundSetup;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionStore;
import dev.cuecard.ui.FxBridge;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A practice round for the window: the question, a timer, the answer (typed or spoken), the
 * score breakdown and the follow-up. Scoring and recognition run on a named worker thread; results
 * come back through the bridge. Properties are touched on the FX thread only.
 */
public final class PracticeViewModel {
    private final TemplateLibrary templates;
    private final AnswerScorer scorer;
    private final Optional<AnswerReviewer> reviewer;
    private final Optional<SessionStore> store;
    private final Supplier<SpeechModel> speechModel;
    private final FxBridge bridge;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(new NamedThreadFactory("practice"));
    private PracticeRound round;
    private PracticeHistory history = PracticeHistory.empty();

    private final StringProperty question = new SimpleStringProperty("");
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty answerText = new SimpleStringProperty("");
    private final IntegerProperty elapsedSeconds = new SimpleIntegerProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty answered = new SimpleBooleanProperty();
    private final BooleanProperty finished = new SimpleBooleanProperty();
    private final StringProperty total = new SimpleStringProperty("");
    private final ObservableList<String> breakdown = FXCollections.observableArrayList();
    private final StringProperty followUp = new SimpleStringProperty("");
    private final StringProperty review = new SimpleStringProperty("");
    private final StringProperty report = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    public PracticeViewModel(TemplateLibrary templates, AnswerScorer scorer, Optional<AnswerReviewer> reviewer,
                             Optional<SessionStore> store, Supplier<SpeechModel> speechModel, FxBridge bridge) {
        this.templates = templates;
        this.scorer = scorer;
        this.reviewer = reviewer;
        this.store = store;
        this.speechModel = speechModel;
        this.bridge = bridge;
    }

    /** Plans and starts a round (weak topics come from the stored history). */
    public void start(RoundSetup setup, long seed) {
        busy.set(true);
        worker.submit(() -> {
            try {
                PracticeHistory h = store.map(s -> PracticeHistory.load(s, templates, scorer))
                        .orElse(PracticeHistory.empty());
                List<PracticeQuestion> qs = new RoundPlanner(templates, h).plan(setup, new Random(seed));
                PracticeRound r = new PracticeRound(setup, qs, scorer, reviewer, store);
                bridge.post(() -> {
                    history = h;
                    round = r;
                    finished.set(false);
                    report.set("");
                    showCurrent();
                    busy.set(false);
                });
            } catch (RuntimeException e) {
                fail("Could not plan a round: " + e.getMessage());
            }
        });
    }

    private void showCurrent() {
        PracticeQuestion q = round.current();
        question.set(q.text());
        progress.set(String.format(Locale.ROOT, "Question %d of %d · %s", q.number(), round.questions().size(),
                q.category().id().replace('_', ' ')));
        answerText.set("");
        answered.set(false);
        total.set("");
        breakdown.clear();
        followUp.set("");
        review.set("");
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

    private void score(Supplier<Answer> answer) {
        if (round == null || answered.get()) {
            return;
        }
        busy.set(true);
        status.set("Scoring…");
        PracticeRound r = round;
        worker.submit(() -> {
            try {
                Answer a = answer.get();
                QuestionResult result = r.answer(a);
                bridge.post(() -> show(result));
            } catch (RuntimeException e) {
                fail(e.getMessage());
            }
        });
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
        if (round.finished()) {
            finish();
        }
    }

    public void next() {
        if (round == null || round.finished()) {
            return;
        }
        if (!answered.get()) {
            round.skip();
        }
        if (round.finished()) {
            finish();
        } else {
            showCurrent();
        }
    }

    private void finish() {
        PracticeRound r = round;
        PracticeHistory h = history;
        worker.submit(() -> {
            PracticeReport rep = r.finish(h);
            String md = PracticeMarkdown.render(rep, ZoneId.systemDefault());
            bridge.post(() -> {
                report.set(md); // before "finished": whoever reacts to it finds the report there
                finished.set(true);
            });
        });
    }

    private void fail(String message) {
        bridge.post(() -> {
            busy.set(false);
            status.set(message);
        });
    }

    public void close() {
        worker.shutdownNow();
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
