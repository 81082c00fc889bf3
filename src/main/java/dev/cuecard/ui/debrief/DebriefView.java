package dev.cuecard.ui.debrief;

import dev.cuecard.session.SearchHit;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The debrief of one session: search and the timeline of questions on the left, the selected
 * answer with its hint, feedback and the user's review in the middle, charts below. Pure layout
 * and bindings; everything it does is a {@link DebriefViewModel} command.
 */
public final class DebriefView extends BorderPane {
    private final DebriefViewModel model;
    private final ListView<AnswerItem> timeline = new ListView<>();
    private final Label question = wrapping("question");
    private final Label category = new Label();
    private final Label hint = wrapping("hint-text");
    private final Label answer = wrapping("answer-text");
    private final Label metrics = new Label();
    private final Label feedback = wrapping("feedback");
    private final Label live = wrapping("live-coach");
    private final TextArea note = new TextArea();
    private final ToggleGroup rating = new ToggleGroup();
    private AnswerItem shown;

    public DebriefView(DebriefViewModel model) {
        this.model = model;
        getStyleClass().add("debrief");
        setTop(header());
        SplitPane split = new SplitPane(left(), detail());
        split.setDividerPositions(0.34);
        setCenter(split);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        setBottom(SpeakingCharts.of(model.answers(), model.analytics()));
        ((javafx.scene.layout.Region) getBottom()).setPrefHeight(280);
        model.selectedProperty().addListener((obs, old, item) -> show(item));
        show(model.selectedProperty().get());
    }

    private VBox header() {
        Label title = new Label();
        title.textProperty().bind(model.titleProperty());
        title.getStyleClass().add("title-3");
        Label summary = new Label();
        summary.setId("summary");
        summary.textProperty().bind(model.summaryProperty());
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        VBox box = new VBox(4, title, summary, status);
        box.setPadding(new Insets(10, 12, 6, 12));
        return box;
    }

    private VBox left() {
        TextField search = new TextField();
        search.setId("search");
        search.setPromptText("Search this session (Enter)");
        search.textProperty().bindBidirectional(model.queryProperty());
        search.setOnAction(e -> model.search());
        ListView<SearchHit> hits = new ListView<>(model.hits());
        hits.setId("hits");
        hits.setPrefHeight(140);
        hits.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SearchHit h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : AnswerItem.clock(h.atMs()) + "  "
                        + (h.channel() == null ? "hint" : h.channel()) + "  " + h.snippet());
            }
        });
        hits.getSelectionModel().selectedItemProperty().addListener((obs, old, h) -> {
            if (h != null) {
                model.jumpTo(h);
            }
        });
        timeline.setId("timeline");
        timeline.setItems(model.answers());
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
        VBox box = new VBox(6, search, hits, new Label("Questions"), timeline);
        box.setPadding(new Insets(6));
        return box;
    }

    private VBox detail() {
        question.getStyleClass().add("title-4");
        note.setId("note");
        note.setPromptText("Your notes on this answer");
        note.setPrefRowCount(2);
        note.setWrapText(true);
        HBox stars = new HBox(4, new Label("Rating"));
        for (int i = 1; i <= 5; i++) {
            ToggleButton b = new ToggleButton(String.valueOf(i));
            b.setId("rating-" + i);
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
