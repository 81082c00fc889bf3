package dev.cuecard.ui;

import dev.cuecard.audio.Channel;
import javafx.scene.control.ListCell;

/** A transcript line: the interviewer in the accent colour and bold, the candidate plain. */
final class TranscriptCell extends ListCell<TranscriptLine> {
    @Override
    protected void updateItem(TranscriptLine line, boolean empty) {
        super.updateItem(line, empty);
        if (empty || line == null) {
            setText(null);
            setStyle("");
            return;
        }
        boolean them = line.channel() == Channel.THEM;
        setText((them ? "Interviewer  " : "You  ") + line.text());
        setWrapText(true);
        // wrap at the list's width instead of growing a horizontal scroll bar
        setPrefWidth(0);
        setStyle(them ? "-fx-font-weight: bold; -fx-text-fill: -color-accent-fg;" : "-fx-text-fill: -color-fg-default;");
    }
}
