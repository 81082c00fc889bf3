package dev.cuecard.ui.debrief;

import dev.cuecard.session.SearchHit;
import dev.cuecard.session.SessionKind;
import dev.cuecard.session.SessionSummary;
import java.time.ZoneId;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The list of stored sessions beside a debrief: a filter by kind, a search across every session,
 * and delete (after a confirmation). Layout and bindings only; {@link SessionBrowserModel} acts.
 */
final class SessionBrowserView extends VBox {
    private final SessionBrowserModel model;
    private final ListView<SessionSummary> list = new ListView<>();

    SessionBrowserView(SessionBrowserModel model) {
        this.model = model;
        setSpacing(6);
        setPadding(new Insets(8));
        setMinWidth(200);
        Label title = new Label("Sessions");
        title.getStyleClass().add("title-4");

        ToggleGroup kinds = new ToggleGroup();
        FlowPane filter = new FlowPane(4, 4);
        filter.setId("kind-filter");
        filter.getChildren().add(kindButton("All", null, kinds));
        for (SessionKind k : SessionKind.values()) {
            filter.getChildren().add(kindButton(shortKind(k), k, kinds));
        }
        kinds.selectToggle(kinds.getToggles().get(0));
        kinds.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true); // one filter is always on
            } else {
                model.kindProperty().set((SessionKind) t.getUserData());
            }
        });

        Label searchLabel = new Label("Search all sessions");
        TextField search = new TextField();
        search.setId("search");
        searchLabel.setLabelFor(search);
        // short enough for the session column beside the overlay; how to run it is in the tooltip
        search.setPromptText("Words said or shown");
        search.setTooltip(new javafx.scene.control.Tooltip("Words said or shown in any session, then Enter"));
        search.setAccessibleText("Search all sessions: words said or shown, then Enter");
        search.textProperty().bindBidirectional(model.queryProperty());
        search.setOnAction(e -> model.search());
        ListView<SearchHit> hits = new ListView<>(model.hits());
        hits.setId("hits");
        hits.setAccessibleText("Search results");
        hits.setPrefHeight(150);
        hits.setMinHeight(90);
        hits.setCellFactory(v -> new dev.cuecard.ui.WrappingListCell<>(hits, this::hitText));
        hits.setPlaceholder(placeholder("Search results appear here"));
        hits.visibleProperty().bind(search.textProperty().isNotEmpty());
        hits.managedProperty().bind(hits.visibleProperty());
        hits.getSelectionModel().selectedItemProperty().addListener((obs, old, h) -> {
            if (h != null) {
                model.openHit(h);
            }
        });

        list.setId("sessions");
        list.setAccessibleText("Stored sessions");
        list.setItems(model.sessions());
        list.setCellFactory(v -> new dev.cuecard.ui.WrappingListCell<>(list, s -> SessionTitles.title(s, ZoneId.systemDefault()) + "\n"
                + SessionTitles.details(s)));
        list.setPlaceholder(placeholder("No sessions yet"));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null) {
                model.open(s.id());
            }
        });
        model.openedProperty().addListener((o, a, vm) -> selectOpened());
        model.sessions().addListener((javafx.collections.ListChangeListener<SessionSummary>) c -> selectOpened());
        selectOpened();
        VBox.setVgrow(list, Priority.ALWAYS);

        Button delete = new Button("Delete…", new FontIcon(Feather.TRASH_2));
        delete.setId("delete-session");
        delete.setAccessibleText("Delete the selected session");
        // a database opened only for reading: nothing can be deleted, and the status line says why
        boolean readOnly = model.readOnlyReason().isPresent();
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull().or(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> readOnly)));
        model.readOnlyReason().ifPresent(why -> delete.setAccessibleHelp(why));
        delete.setOnAction(e -> confirmDelete(list.getSelectionModel().getSelectedItem()));
        Label status = new Label();
        status.setId("browser-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        getChildren().addAll(title, filter, searchLabel, search, hits, list, delete, status);
    }

    private static ToggleButton kindButton(String text, SessionKind kind, ToggleGroup group) {
        ToggleButton b = new ToggleButton(text);
        b.setId("kind-" + (kind == null ? "all" : kind.id()));
        b.setUserData(kind);
        b.setToggleGroup(group);
        b.setAccessibleText("Show " + (kind == null ? "all sessions" : shortKind(kind).toLowerCase() + " sessions"));
        return b;
    }

    private static String shortKind(SessionKind k) {
        return switch (k) {
            case LIVE -> "Live";
            case REPLAY -> "Replay";
            case DEMO -> "Demo";
            case PRACTICE -> "Practice";
        };
    }

    private String hitText(SearchHit h) {
        String session = model.summary(h.sessionId()).map(s -> SessionTitles.title(s, ZoneId.systemDefault()))
                .orElse("Session " + h.sessionId());
        String who = h.channel() == null ? "card" : h.channel().equals("me") ? "you" : "interviewer";
        return session + "\n" + AnswerItem.clock(h.atMs()) + "  " + who + ": " + h.snippet();
    }

    private void selectOpened() {
        DebriefViewModel vm = model.openedProperty().get();
        if (vm == null) {
            return;
        }
        model.sessions().stream().filter(s -> s.id() == vm.sessionId()).findFirst().ifPresent(s -> {
            if (list.getSelectionModel().getSelectedItem() != s) {
                list.getSelectionModel().select(s);
                list.scrollTo(s);
            }
        });
    }

    private void confirmDelete(SessionSummary s) {
        if (s == null) {
            return;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Delete “" + SessionTitles.title(s, ZoneId.systemDefault())
                + "” (" + SessionTitles.details(s) + ") with its transcript, cards and notes? This cannot be undone.",
                ButtonType.CANCEL, ButtonType.OK);
        ask.setHeaderText("Delete this session?");
        ask.initOwner(getScene() == null ? null : getScene().getWindow());
        ((Button) ask.getDialogPane().lookupButton(ButtonType.OK)).setText("Delete");
        ((Button) ask.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
        ((Button) ask.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ask.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.delete(s));
    }

    /** The list of sessions; the window gives it the keyboard first so the search's hint stays readable. */
    ListView<SessionSummary> list() {
        return list;
    }

    /** An empty list's words, wrapped in the narrow session column: one line was cut to "Search results appear ...". */
    static Label placeholder(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setPadding(new javafx.geometry.Insets(6));
        return l;
    }
}
