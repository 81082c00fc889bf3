package dev.cuecard.ui;

import dev.cuecard.audio.Channel;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * A transcript line with its time in the session: the interviewer in the accent colour and bold,
 * the candidate plain. The text wraps at the list's width over as many lines as it needs (a cell's
 * own text would be cut at its computed height).
 */
final class TranscriptCell extends ListCell<TranscriptLine> {
    private final Label line = new Label();

    TranscriptCell(ListView<TranscriptLine> list) {
        line.setWrapText(true);
        line.setMinHeight(Label.USE_PREF_SIZE);
        // the list's width less its padding and a vertical scroll bar
        line.maxWidthProperty().bind(list.widthProperty().subtract(36));
        line.prefWidthProperty().bind(line.maxWidthProperty());
    }

    @Override
    protected void updateItem(TranscriptLine item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        boolean them = item.channel() == Channel.THEM;
        line.setText(clock(item.startMs()) + "   " + (them ? "Interviewer: " : "You: ") + item.text());
        line.setStyle(them ? "-fx-font-weight: bold; -fx-text-fill: -color-accent-fg;" : "-fx-text-fill: -color-fg-default;");
        setGraphic(line);
    }

    /** m:ss from the start of the session. */
    static String clock(long ms) {
        long s = Math.max(0, ms) / 1000;
        return String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
