package dev.cuecard.ui.practice;

import dev.cuecard.practice.PracticeHistory;
import dev.cuecard.practice.RoundSetup;
import dev.cuecard.practice.RoundType;
import dev.cuecard.practice.Seniority;
import dev.cuecard.question.Category;
import dev.cuecard.ui.CloseKeys;
import dev.cuecard.ui.Labels;
import dev.cuecard.ui.MarkdownView;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Mock-interview practice: pick a round, hear (or read) each question, answer by typing or
 * speaking, see the score breakdown and the follow-up; after the last score, the report (rendered
 * Markdown) and progress per category. A thin view over {@link PracticeViewModel}. Its scene is
 * built in the constructor, which may run off the FX thread (the app builds it in the background);
 * {@link #show} makes the window on the FX thread, where CSS and layout happen (control skins share
 * one unlocked text layout: see {@code DebriefWindow}).
 */
public final class PracticeWindow {
    public static final String TITLE = "Cuecard — practice";
    static final double WIDTH = 900;
    static final double HEIGHT = 720;
    static final double MIN_WIDTH = 600;
    static final double MIN_HEIGHT = 480;

    private Stage stage;
    private final Scene scene;
    private final Timeline clock;
    private final PracticeViewModel model;
    private final QuestionSpeaker speaker = new QuestionSpeaker();
    private final ComboBox<RoundType> type = new ComboBox<>();
    private final ComboBox<Seniority> seniority = new ComboBox<>();
    private final ToggleButton record = new ToggleButton("Record answer");
    private final LineChart<String, Number> chart = new LineChart<>(new CategoryAxis(), new NumberAxis(0, 10, 2));
    private final MarkdownView report = new MarkdownView();
    private final TabPane tabs = new TabPane();
    private Button nextButton;

    public PracticeWindow(PracticeViewModel model) {
        this.model = model;
        type.getItems().setAll(RoundType.values());
        type.setConverter(Labels.converter(Labels::roundType));
        type.setValue(RoundType.DRILL);
        type.setAccessibleText("Kind of round");
        seniority.getItems().setAll(Seniority.values());
        seniority.setConverter(Labels.converter(Labels::seniority));
        seniority.setValue(Seniority.MID);
        seniority.setAccessibleText("Your level");
        Button start = new Button("Start round");
        start.setId("start-round");
        start.setTooltip(new javafx.scene.control.Tooltip("Alt+S"));
        start.setOnAction(e -> model.start(new RoundSetup(type.getValue(), seniority.getValue(), Optional.empty(),
                Optional.empty(), "", "", type.getValue() == RoundType.DRILL, 0), System.nanoTime()));
        start.disableProperty().bind(model.busyProperty());
        start.textProperty().bind(Bindings.when(model.inRoundProperty().and(model.finishedProperty().not()))
                .then("Start over").otherwise("Start round"));
        Label roundLabel = new Label("Round");
        roundLabel.setLabelFor(type);
        Label levelLabel = new Label("Level");
        levelLabel.setLabelFor(seniority);
        // wraps instead of a ToolBar's overflow menu: on a 1024×768 screen "Start round" went behind ">>"
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 6, roundLabel, type, levelLabel,
                seniority, start);
        bar.getStyleClass().add("tool-bar");
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new javafx.geometry.Insets(6, 8, 6, 8));

        // the round's controls join the window a frame after it shows: styled with the tool bar in show() they were
        // one frame of 36–49 ms of FX work on first open (BENCHMARKS.md, "FX thread, twenty-second session")
        Tab roundTab = new Tab("Round");
        javafx.scene.Node roundContent = round();
        dev.cuecard.ui.ShownInParts.afterLayout(tabs, () -> roundTab.setContent(roundContent));
        tabs.getTabs().setAll(roundTab, dev.cuecard.ui.ShownInParts.tab("Report & progress", reportPane()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        model.finishedProperty().addListener((o, a, done) -> {
            // a skipped last question has no score to read first: straight to the report
            if (done && !model.answeredProperty().get()) {
                tabs.getSelectionModel().select(1);
            }
        });
        // built off the FX thread and shown a few blocks per frame: all at once was one frame of 43-50 ms of FX work
        model.reportProperty().addListener((o, a, md) -> report.showLater(md == null || md.isBlank()
                ? "The report of a round appears here once its last question is answered or skipped." : md, model.tasks()));
        report.setMarkdown("The report of a round appears here once its last question is answered or skipped.");
        model.historyProperty().addListener((o, a, h) -> drawProgress(h));
        drawProgress(model.history());
        model.questionProperty().addListener((o, a, q) -> {
            if (q != null && !q.isBlank()) {
                speaker.speak(q);
            }
        });
        clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
        BorderPane root = new BorderPane();
        root.setTop(bar);
        root.setCenter(tabs);
        scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(PracticeWindow.class.getResource("/dev/cuecard/ui/app.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.CONTROL_DOWN), model::submitTyped);
        // keyboard-only: Alt+S starts a round, Alt+N goes on (next, skip, or the report)
        fireOn(KeyCode.S, start);
        fireOn(KeyCode.N, nextButton);
        // mid-round too, as the close button: a recording stops and the round is left (see show)
        CloseKeys.install(scene);
    }

    private void fireOn(KeyCode key, Button button) {
        scene.getAccelerators().put(new KeyCodeCombination(key, KeyCombination.ALT_DOWN), () -> {
            if (!button.isDisabled()) {
                button.fire();
            }
        });
    }

    private ScrollPane round() {
        Label progress = new Label();
        progress.setId("progress");
        progress.textProperty().bind(Bindings.when(model.inRoundProperty()).then(model.progressProperty())
                .otherwise("No round yet"));
        Label question = new Label();
        question.setId("question");
        question.setWrapText(true);
        question.setStyle("-fx-font-size: 1.4em; -fx-font-weight: bold;");
        question.textProperty().bind(Bindings.when(model.inRoundProperty()).then(model.questionProperty())
                .otherwise("Choose a round and a level above, then press Start round. Each question is read "
                        + "aloud when a speech synthesiser is installed; answer by typing or with Record."));
        Label timer = new Label();
        timer.setId("timer");
        timer.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%d:%02d  (aim for 1–2 min)",
                model.elapsedSecondsProperty().get() / 60, model.elapsedSecondsProperty().get() % 60),
                model.elapsedSecondsProperty()));
        timer.visibleProperty().bind(model.inRoundProperty());
        TextArea answer = new TextArea();
        answer.setId("answer");
        answer.setWrapText(true);
        dev.cuecard.ui.TabKeys.moveFocus(answer);
        answer.setPromptText("Type your answer — or press Record and say it");
        answer.setAccessibleText("Your answer");
        answer.setPrefRowCount(5);
        answer.textProperty().bindBidirectional(model.answerTextProperty());
        answer.disableProperty().bind(model.inRoundProperty().not());
        // each new question puts the keyboard in the answer
        model.questionProperty().addListener((o, a, q) -> javafx.application.Platform.runLater(answer::requestFocus));
        Button submit = new Button("Score typed answer (Ctrl+Enter)");
        submit.setId("score");
        submit.setOnAction(e -> model.submitTyped());
        Button next = new Button();
        nextButton = next;
        next.setId("next");
        next.setTooltip(new javafx.scene.control.Tooltip("Alt+N"));
        next.textProperty().bind(Bindings.when(model.finishedProperty()).then("See the report")
                .otherwise(Bindings.when(model.answeredProperty()).then("Next question").otherwise("Skip question")));
        next.setOnAction(e -> {
            if (model.finishedProperty().get()) {
                tabs.getSelectionModel().select(1);
            } else {
                model.next();
            }
        });
        // before a round nothing can be answered; while an answer is scored the score belongs to the question on screen
        next.disableProperty().bind(model.inRoundProperty().not().or(model.busyProperty()));
        record.setId("record");
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
        record.disableProperty().bind(model.microphoneAvailableProperty().not().or(model.inRoundProperty().not())
                .or(model.recordingProperty().not().and(model.busyProperty().or(model.answeredProperty()))));
        model.checkMicrophone();
        submit.disableProperty().bind(model.inRoundProperty().not().or(model.busyProperty())
                .or(model.answeredProperty()).or(model.answerTextProperty().isEmpty()));
        Label total = new Label();
        total.setId("total");
        total.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
        total.textProperty().bind(model.totalProperty());
        Label average = new Label();
        average.setId("round-average");
        average.setWrapText(true);
        average.textProperty().bind(model.roundAverageProperty());
        Label missed = wrapping("missed", model.missedProperty());
        Label followUp = wrapping("follow-up", model.followUpProperty());
        Label review = wrapping("review", model.reviewProperty());
        Label status = wrapping("practice-status", model.statusProperty());
        FlowPane actions = new FlowPane(8, 8, record, submit, next, total);
        actions.setAlignment(Pos.CENTER_LEFT);
        // what the app is doing or needs ("Scoring…", "Type an answer first") under the buttons that asked
        // for it, not below the (still empty) score table; no blank line when there is nothing to say
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        VBox round = new VBox(8, progress, question, timer, answer, actions, status, average,
                new BreakdownTable(model.breakdown()), missed, followUp, review);
        round.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(round);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static Label wrapping(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        l.textProperty().bind(text);
        return l;
    }

    private SplitPane reportPane() {
        ScrollPane text = new ScrollPane(report);
        text.setId("report");
        text.setFitToWidth(true);
        chart.setId("progress-chart");
        chart.setTitle("Average score per topic, by day");
        chart.getXAxis().setLabel("day");
        chart.getYAxis().setLabel("score (0–10)");
        chart.setAnimated(false);
        chart.setMinHeight(180);
        // the chart joins a frame after the report: both at once were one frame of ~45-60 ms of FX work
        javafx.scene.layout.StackPane chartSlot = new javafx.scene.layout.StackPane();
        chartSlot.setMinHeight(180);
        dev.cuecard.ui.ShownInParts.afterLayout(text, () -> chartSlot.getChildren().setAll(chart));
        SplitPane split = new SplitPane(text, chartSlot);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        return split;
    }

    /** Opens the window, owned by {@code owner} (null for none), beside the overlay. FX thread, once. */
    public void show(Stage owner) {
        stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        dev.cuecard.ui.ScreenLayout.fitCascaded(stage, WIDTH, HEIGHT);
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
            s.setName(Labels.category(e.getKey()));
            e.getValue().forEach(p -> s.getData().add(new XYChart.Data<>(p.day().toString(), p.average())));
            chart.getData().add(s);
        }
    }

    /** The window, once {@link #show shown}. */
    public Stage stage() {
        return stage;
    }

    // visible for tests
    LineChart<String, Number> progressChart() {
        return chart;
    }

    MarkdownView reportView() {
        return report;
    }

    TabPane tabs() {
        return tabs;
    }
}
