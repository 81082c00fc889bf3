package dev.cuecard.ui;

import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;

/**
 * A list row whose text wraps at the list's width over as many lines as it needs. A Text node with
 * a wrapping width reports its real height, so the row is as tall as its text: a cell's own text,
 * or a wrapping Label in it, was cut at the height the list guessed for it.
 */
public class WrappingListCell<T> extends ListCell<T> {
    /** The list's padding and a vertical scroll bar. */
    static final double MARGIN = 40;

    private final Text text = new Text();
    private final Function<T, String> content;
    private final BiConsumer<T, Text> style;

    public WrappingListCell(ListView<T> list, Function<T, String> content) {
        this(list, content, (item, t) -> { });
    }

    /** @param style sets the row's look from its item (bold, colour) */
    public WrappingListCell(ListView<T> list, Function<T, String> content, BiConsumer<T, Text> style) {
        this.content = content;
        this.style = style;
        text.getStyleClass().add("cell-text");
        text.wrappingWidthProperty().bind(list.widthProperty().subtract(MARGIN));
        text.layoutBoundsProperty().addListener((obs, was, now) -> {
            if (was.getHeight() != now.getHeight()) {
                requestLayout(); // fewer or more lines: the row's height follows
            }
        });
    }

    /**
     * As tall as the text's lines now: the skin's own measure kept the height a row had for an earlier,
     * longer text (a partial result that grew, a line that wrapped before the window was widened), which
     * left blank gaps under short lines of the transcript.
     */
    @Override
    protected double computePrefHeight(double width) {
        if (isEmpty() || getGraphic() != text) {
            return super.computePrefHeight(width);
        }
        javafx.geometry.Insets label = getLabelPadding();
        return snappedTopInset() + label.getTop() + text.getLayoutBounds().getHeight() + label.getBottom()
                + snappedBottomInset();
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        text.setText(content.apply(item));
        text.setStyle("");
        style.accept(item, text);
        setGraphic(text);
    }

    /** What the row shows (tests read it). */
    public String shown() {
        return text.getText();
    }
}
