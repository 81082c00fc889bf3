package dev.cuecard.ui;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's status area: the latest message with its severity (icon, colour, time), the
 * earlier ones in a menu so an error is never lost under a later "Session ended", and any nodes
 * that belong at the window's bottom edge (the listening pill).
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
        getChildren().addAll(icon, text, time, earlier);
        getChildren().addAll(trailing);
        current.addListener((o, a, m) -> show(m));
        history.addListener((ListChangeListener<StatusMessage>) c -> fillHistory(history));
        show(current.getValue());
        fillHistory(history);
    }

    private void show(StatusMessage m) {
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

    private void fillHistory(ObservableList<StatusMessage> history) {
        java.util.List<MenuItem> newestFirst = new java.util.ArrayList<>();
        for (StatusMessage m : history) {
            newestFirst.add(0, new MenuItem(TIME.format(m.at()) + "  " + m.text(), new FontIcon(ICONS.get(m.severity()))));
        }
        earlier.getItems().setAll(newestFirst);
        earlier.setDisable(history.size() < 2);
    }

    // visible for tests
    Label textLabel() {
        return text;
    }
}
