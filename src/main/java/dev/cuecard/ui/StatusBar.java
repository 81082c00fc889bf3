package dev.cuecard.ui;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.text.Text;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's status area: the latest message with its severity (icon, colour, time), the
 * earlier ones in a menu so an error is never lost under a later "Session ended" — the menu's
 * button shows the sign of a warning or error that went there unread — and any nodes that belong
 * at the window's bottom edge (the listening pill).
 */
final class StatusBar extends HBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Map<StatusMessage.Severity, Feather> ICONS = Map.of(
            StatusMessage.Severity.INFO, Feather.INFO,
            StatusMessage.Severity.SUCCESS, Feather.CHECK_CIRCLE,
            StatusMessage.Severity.WARNING, Feather.ALERT_TRIANGLE,
            StatusMessage.Severity.ERROR, Feather.ALERT_OCTAGON);

    private final Label text = new Label();
    private final Label time = new Label();
    private final FontIcon icon = new FontIcon(Feather.INFO);
    private final MenuButton earlier = new MenuButton("Earlier");
    /** The menu's messages wrap at this width: a settings file's problems run long. */
    static final double HISTORY_TEXT_WIDTH = 560;
    private StatusMessage shown;
    /** The worst warning or error that left the bar for the menu since the menu was last opened. */
    private StatusMessage.Severity unread;

    StatusBar(ObservableValue<StatusMessage> current, ObservableList<StatusMessage> history, Node... trailing) {
        setId("status-bar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(5, 10, 5, 10));
        text.setId("status-text");
        text.setWrapText(true); // a long message takes a second line, never an ellipsis
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        time.getStyleClass().add("status-time");
        time.setMinWidth(USE_PREF_SIZE);
        earlier.setId("status-history");
        earlier.setAccessibleText("Earlier messages");
        earlier.setMinWidth(USE_PREF_SIZE);
        earlier.setFocusTraversable(true);
        earlier.setOnShowing(e -> markUnread(null));
        getChildren().addAll(icon, text, time, earlier);
        getChildren().addAll(trailing);
        current.addListener((o, a, m) -> show(m));
        history.addListener((ListChangeListener<StatusMessage>) c -> fillHistory(history));
        show(current.getValue());
        fillHistory(history);
    }

    private void show(StatusMessage m) {
        // at start-up a settings warning is followed within a second by "Loading…" and "Listening"
        if (shown != null && m != shown && shown.severity().compareTo(StatusMessage.Severity.WARNING) >= 0
                && (unread == null || shown.severity().compareTo(unread) > 0)) {
            markUnread(shown.severity());
        }
        shown = m;
        getStyleClass().removeIf(c -> c.startsWith("status-") && !c.equals("status-bar"));
        if (m == null) {
            text.setText("");
            time.setText("");
            icon.setVisible(false);
            return;
        }
        getStyleClass().add(m.severity().styleClass());
        icon.setVisible(true);
        icon.setIconCode(ICONS.get(m.severity()));
        text.setText(m.text());
        text.setTooltip(new Tooltip(m.text()));
        time.setText(TIME.format(m.at()));
        // screen readers announce the severity with the words
        setAccessibleText(m.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + m.text());
    }

    private void markUnread(StatusMessage.Severity severity) {
        unread = severity;
        earlier.getStyleClass().removeIf(c -> c.startsWith("unread-"));
        if (severity == null) {
            earlier.setGraphic(null);
            earlier.setAccessibleText("Earlier messages");
            return;
        }
        earlier.getStyleClass().add("unread-" + severity.name().toLowerCase(java.util.Locale.ROOT));
        earlier.setGraphic(new FontIcon(ICONS.get(severity)));
        earlier.setAccessibleText("Earlier messages, with " + (severity == StatusMessage.Severity.ERROR ? "an error"
                : "a warning") + " not yet read");
    }

    private void fillHistory(ObservableList<StatusMessage> history) {
        java.util.List<MenuItem> newestFirst = new java.util.ArrayList<>();
        for (StatusMessage m : history) {
            // a text of its own, not the item's: that would take "_" for a mnemonic ("more_detail" read
            // "moredetail") and run off the screen's edge rather than wrap (a wrapping label is measured one line high)
            Text line = new Text(TIME.format(m.at()) + "  " + m.text());
            line.getStyleClass().add("cell-text");
            line.setWrappingWidth(HISTORY_TEXT_WIDTH);
            FontIcon icon = new FontIcon(ICONS.get(m.severity()));
            icon.getStyleClass().add(m.severity().styleClass());
            HBox row = new HBox(8, icon, line);
            row.setAlignment(Pos.TOP_LEFT);
            row.setAccessibleText(m.severity().name().toLowerCase(java.util.Locale.ROOT) + ", " + TIME.format(m.at())
                    + ": " + m.text());
            CustomMenuItem item = new CustomMenuItem(row);
            item.getStyleClass().add("status-history-item");
            newestFirst.add(0, item);
        }
        earlier.getItems().setAll(newestFirst);
        earlier.setDisable(history.size() < 2);
    }

    // visible for tests
    Label textLabel() {
        return text;
    }

    MenuButton history() {
        return earlier;
    }
}
