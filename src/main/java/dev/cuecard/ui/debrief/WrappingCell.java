package dev.cuecard.ui.debrief;

import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;

/** A list row whose text wraps at the list's width over as many lines as it needs, never cut. */
final class WrappingCell<T> extends ListCell<T> {
    private final Label line = new Label();
    private final Function<T, String> text;

    WrappingCell(ListView<T> list, Function<T, String> text) {
        this.text = text;
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        // the list's width less its padding and a vertical scroll bar
        line.maxWidthProperty().bind(list.widthProperty().subtract(36));
        line.prefWidthProperty().bind(line.maxWidthProperty());
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        line.setText(text.apply(item));
        setGraphic(line);
    }

    /** What the row shows (tests read it). */
    String shown() {
        return line.getText();
    }
}
