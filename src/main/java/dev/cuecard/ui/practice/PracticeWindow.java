package dev.cuecard.ui.practice;

import dev.cuecard.practice.PracticeHistory;
import dev.cuecard.practice.RoundSetup;
import dev.cuecard.practice.RoundType;
import dev.cuecard.practice.Seniority;
import dev.cuecard.question.Category;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Mock-interview practice: pick a round, hear (or read) each question, answer by typing or
 * speaking, see the score breakdown and the follow-up; the report and progress per category at
 * the end. A thin view over {@link PracticeViewModel}. Its scene is built, styled and laid out in
 * the constructor, which may run off the FX thread (the app builds it in the background);
 * {@link #show} makes the window on the FX thread.
 */
public final class PracticeWindow {
    private Stage stage;
    private final Scene scene;
    private final Timeline clock;
    private final PracticeViewModel model;
    private final QuestionSpeaker speaker = new QuestionSpeaker();
    private final ComboBox<RoundType> type = new ComboBox<>();
    private final ComboBox<Seniority> seniority = new ComboBox<>();
    private final ToggleButton record = new ToggleButton("Record answer");
    private final LineChart<String, Number> chart = new LineChart<>(new CategoryAxis(), new NumberAxis(0, 10, 2));

    public PracticeWindow(PracticeViewModel model) {
        this.model = model;
        type.getItems().setAll(RoundType.values());
        type.setValue(RoundType.DRILL);
        seniority.getItems().setAll(Seniority.values());
        seniority.setValue(Seniority.MID);
        Button start = new Button("Start round (weak topics first)");
        start.setOnAction(e -> model.start(new RoundSetup(type.getValue(), seniority.getValue(), Optional.empty(),
                Optional.empty(), "", "", type.getValue() == RoundType.DRILL, 0), System.nanoTime()));
        start.disableProperty().bind(model.busyProperty());
        ToolBar bar = new ToolBar(new Label("Round"), type, new Label("Level"), seniority, start);

        Label progress = new Label();
        progress.textProperty().bind(model.progressProperty());
        Label question = new Label();
        question.setWrapText(true);
        question.setStyle("-fx-font-size: 1.4em; -fx-font-weight: bold;");
        question.textProperty().bind(model.questionProperty());
        Label timer = new Label();
        timer.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%d:%02d  (aim for 1–2 min)",
                model.elapsedSecondsProperty().get() / 60, model.elapsedSecondsProperty().get() % 60),
                model.elapsedSecondsProperty()));
        TextArea answer = new TextArea();
        answer.setWrapText(true);
        answer.setPromptText("Type your answer — or press Record and say it");
        answer.setPrefRowCount(5);
        answer.textProperty().bindBidirectional(model.answerTextProperty());
        Button submit = new Button("Score typed answer (Ctrl+Enter)");
        submit.setOnAction(e -> model.submitTyped());
        Button next = new Button("Next question");
        next.setOnAction(e -> model.next());
        // while an answer is scored the score belongs to the question on screen
        next.disableProperty().bind(model.busyProperty());
        record.setOnAction(e -> {
            if (record.isSelected()) {
                model.startRecording();
            } else {
                model.stopRecording();
            }
        });
        model.recordingProperty().addListener((o, was, now) -> {
            record.setSelected(now);
            record.setText(now ? "Stop and score" : "Record answer");
        });
        record.disableProperty().bind(model.microphoneAvailableProperty().not()
                .or(model.recordingProperty().not().and(model.busyProperty().or(model.answeredProperty()))));
        model.checkMicrophone();
        submit.disableProperty().bind(model.busyProperty().or(model.answeredProperty()));
        Label total = new Label();
        total.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
        total.textProperty().bind(model.totalProperty());
        ListView<String> breakdown = new ListView<>(model.breakdown());
        breakdown.setPrefHeight(170);
        Label followUp = new Label();
        followUp.setWrapText(true);
        followUp.textProperty().bind(model.followUpProperty());
        Label review = new Label();
        review.setWrapText(true);
        review.textProperty().bind(model.reviewProperty());
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        HBox actions = new HBox(8, record, submit, next, total);
        VBox round = new VBox(8, progress, question, timer, answer, actions, breakdown, followUp, review, status);
        round.setPadding(new Insets(12));
        VBox.setVgrow(breakdown, Priority.ALWAYS);

        TextArea report = new TextArea();
        report.setEditable(false);
        report.textProperty().bind(model.reportProperty());
        chart.setTitle("Average score per category over time");
        VBox reportBox = new VBox(8, report, chart);
        reportBox.setPadding(new Insets(12));
        TabPane tabs = new TabPane(new Tab("Round", round), new Tab("Report & progress", reportBox));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        model.finishedProperty().addListener((o, a, done) -> {
            if (done) {
                tabs.getSelectionModel().select(1);
                drawProgress(model.history());
            }
        });
        model.questionProperty().addListener((o, a, q) -> {
            if (q != null && !q.isBlank()) {
                speaker.speak(q);
            }
        });
        clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
        scene = new Scene(new BorderPane(tabs, bar, null, null, null), 860, 680);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.CONTROL_DOWN), model::submitTyped);
        scene.getRoot().applyCss();
        scene.getRoot().layout();
    }

    /** Opens the window, owned by {@code owner} (null for none). FX thread, once. */
    public void show(Stage owner) {
        stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Cuecard — practice");
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            clock.stop();
            speaker.stop();
            model.close();
        });
        clock.play();
        stage.show();
    }

    private void drawProgress(PracticeHistory history) {
        chart.getData().clear();
        for (Map.Entry<Category, List<PracticeHistory.Point>> e : history.progress(ZoneId.systemDefault()).entrySet()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(e.getKey().id());
            e.getValue().forEach(p -> s.getData().add(new XYChart.Data<>(p.day().toString(), p.average())));
            chart.getData().add(s);
        }
    }

    /** The window, once {@link #show shown}. */
    public Stage stage() {
        return stage;
    }
}
