package dev.cuecard.ui.debrief;

import dev.cuecard.ui.ShownInParts;
import dev.cuecard.ui.SplitShare;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The debrief of one session: its questions on the left, the selected answer with its hint,
 * feedback and the user's review beside them, charts below. Pure layout
 * and bindings; everything it does is a {@link DebriefViewModel} command.
 */
public final class DebriefView extends BorderPane {
    static final double QUESTIONS_SHARE = 0.34;
    private final DebriefViewModel model;
    private final ListView<AnswerItem> timeline = new ListView<>();
    private final Label question = wrapping("question");
    private final Label category = wrapping("category");
    private final Label hint = wrapping("hint-text");
    private final Label answer = wrapping("answer-text");
    private final Label metrics = wrapping("metrics");
    private final Label feedback = wrapping("feedback");
    private final Label live = wrapping("live-coach");
    private final TextArea note = new TextArea();
    private final ToggleGroup rating = new ToggleGroup();
    private AnswerItem shown;

    public DebriefView(DebriefViewModel model) {
        this.model = model;
        getStyleClass().add("debrief");
        setTop(header());
        // the answer's detail and the charts join a frame apart, each styled in a frame of its own (the whole
        // view at once was one ~0.5 s frame on first open); their slots keep the layout from jumping
        StackPane detailSlot = new StackPane();
        VBox detail = detail();
        SplitPane split = new SplitPane(left(), detailSlot);
        SplitShare.keep(split, QUESTIONS_SHARE);
        setCenter(split);
        StackPane chartsSlot = new StackPane();
        chartsSlot.setPrefHeight(260);
        chartsSlot.setMinHeight(180);
        setBottom(chartsSlot);
        javafx.scene.Node charts = SpeakingCharts.of(model.answers(), model.analytics());
        ShownInParts.afterLayout(this, () -> {
            detailSlot.getChildren().setAll(detail);
            ShownInParts.afterLayout(this, () -> chartsSlot.getChildren().setAll(charts));
        });
        model.selectedProperty().addListener((obs, old, item) -> show(item));
        show(model.selectedProperty().get());
        // the key points are judged in the background: the shown answer's ticks join when they are
        model.judgedProperty().addListener((obs, was, now) -> {
            if (shown != null) {
                feedback.setText(shown.feedbackText());
            }
        });
    }

    private VBox header() {
        Label title = new Label();
        title.setId("debrief-title");
        title.setWrapText(true);
        title.textProperty().bind(model.titleProperty());
        title.getStyleClass().add("title-3");
        Label summary = new Label();
        summary.setId("summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        Label status = new Label();
        status.setId("status");
        status.setWrapText(true); // a read-only folder's reason is long: wrapped, not cut
        status.textProperty().bind(model.statusProperty());
        Button export = new Button("Export Markdown…");
        export.setId("export");
        export.setOnAction(e -> chooseExportFile().ifPresent(model::exportMarkdown));
        HBox titleRow = new HBox(8, title, export);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        export.setMinWidth(Button.USE_PREF_SIZE);
        VBox box = new VBox(4, titleRow, summary, status);
        box.setPadding(new Insets(10, 12, 6, 12));
        return box;
    }

    /** The folder of the last export in this run, where the next one is offered. */
    private static volatile java.nio.file.Path lastExportFolder;

    /** Where to write the Markdown: the system's save dialog, offering the session's own file name. */
    private java.util.Optional<java.nio.file.Path> chooseExportFile() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Export the debrief as Markdown");
        chooser.setInitialFileName(model.exportFileName());
        // not the folder the app happened to be started from
        chooser.setInitialDirectory(exportFolder(java.util.Optional.ofNullable(lastExportFolder),
                java.nio.file.Path.of(System.getProperty("user.home"))).toFile());
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Markdown", "*.md"));
        java.io.File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        java.util.Optional<java.nio.file.Path> chosen = java.util.Optional.ofNullable(f).map(java.io.File::toPath);
        chosen.map(java.nio.file.Path::getParent).ifPresent(folder -> lastExportFolder = folder);
        return chosen;
    }

    /** The last export's folder while it exists, else the user's Documents folder, else their home. */
    static java.nio.file.Path exportFolder(java.util.Optional<java.nio.file.Path> last, java.nio.file.Path home) {
        return last.filter(java.nio.file.Files::isDirectory)
                .or(() -> java.util.Optional.of(home.resolve("Documents")).filter(java.nio.file.Files::isDirectory))
                .orElse(home);
    }

    private VBox left() {
        timeline.setId("timeline");
        timeline.setAccessibleText("Questions of this session");
        timeline.setItems(model.answers());
        timeline.setCellFactory(v -> new dev.cuecard.ui.WrappingListCell<>(timeline, AnswerItem::label));
        timeline.setPlaceholder(SessionBrowserView.placeholder("No questions were detected in this session."));
        // selection flows both ways between the list and the model
        timeline.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                model.selectedProperty().set(item);
            }
        });
        ChangeListener<AnswerItem> follow = (obs, old, item) -> {
            timeline.getSelectionModel().select(item);
            timeline.scrollTo(item);
        };
        model.selectedProperty().addListener(follow);
        timeline.getSelectionModel().select(model.selectedProperty().get());
        VBox.setVgrow(timeline, Priority.ALWAYS);
        Label questions = new Label("Questions");
        questions.getStyleClass().add("text-caption");
        VBox box = new VBox(6, questions, timeline);
        box.setPadding(new Insets(6));
        box.setMinWidth(160);
        return box;
    }

    private VBox detail() {
        question.getStyleClass().add("title-4");
        note.setId("note");
        note.setPromptText("Your notes on this answer");
        note.setPrefRowCount(2);
        note.setWrapText(true);
        dev.cuecard.ui.TabKeys.moveFocus(note);
        // wraps onto a second row in a narrow window rather than cut "Rating" or "Save review"
        javafx.scene.layout.FlowPane stars = new javafx.scene.layout.FlowPane(4, 4, new Label("Rating"));
        stars.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        for (int i = 1; i <= 5; i++) {
            ToggleButton b = new ToggleButton(String.valueOf(i));
            b.setId("rating-" + i);
            b.setAccessibleText("Rate this answer " + i + " of 5");
            b.setUserData(i);
            b.setToggleGroup(rating);
            stars.getChildren().add(b);
        }
        rating.selectedToggleProperty().addListener((obs, old, t) -> {
            if (shown != null) {
                shown.ratingProperty().set(t == null ? null : (Integer) t.getUserData());
            }
        });
        Button save = new Button("Save review");
        save.setId("save-review");
        save.setDefaultButton(false);
        save.setOnAction(e -> {
            if (shown != null) {
                model.saveReview(shown);
            }
        });
        stars.getChildren().add(save);
        // a database opened only for reading: what cannot be saved is off, and the status line says why
        model.readOnlyReason().ifPresent(why -> {
            save.setDisable(true);
            stars.getChildren().forEach(n -> n.setDisable(n instanceof ToggleButton || n == save));
            note.setEditable(false);
            note.setPromptText("Read-only: notes cannot be saved");
            javafx.scene.control.Tooltip.install(stars, new javafx.scene.control.Tooltip(why));
        });
        // the review sits by the question so it stays in view while reading the answer below
        VBox box = new VBox(8, question, category, stars, note, section("Hint shown"), hint, section("Your answer"),
                metrics, answer, section("Feedback"), feedback, section("Live coach"), live);
        box.setPadding(new Insets(8, 12, 8, 12));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);
        scroll.setFitToWidth(true);
        VBox wrapper = new VBox(scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return wrapper;
    }

    private void show(AnswerItem item) {
        if (shown != null) {
            note.textProperty().unbindBidirectional(shown.noteProperty());
        }
        shown = item;
        if (item == null) {
            question.setText("No questions were detected in this session.");
            return;
        }
        question.setText(item.question());
        category.setText(item.category());
        hint.setText(item.hintText());
        answer.setText(item.answerText());
        metrics.setText(item.metricsText());
        feedback.setText(item.feedbackText());
        live.setText(item.liveText());
        note.textProperty().bindBidirectional(item.noteProperty());
        Integer r = item.ratingProperty().get();
        rating.getToggles().forEach(t -> t.setSelected(r != null && r.equals(t.getUserData())));
    }

    private static Label wrapping(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        return l;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-caption");
        return l;
    }
}
