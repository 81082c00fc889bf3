package dev.cuecard.ui;

import dev.cuecard.audio.Channel;
import javafx.scene.control.ListView;

/**
 * A transcript line with its time in the session: the interviewer in the accent colour and bold,
 * the candidate plain; wrapped over as many lines as it needs.
 */
final class TranscriptCell extends WrappingListCell<TranscriptLine> {
    TranscriptCell(ListView<TranscriptLine> list) {
        super(list, line -> clock(line.startMs()) + "   " + (line.channel() == Channel.THEM ? "Interviewer: " : "You: ")
                + line.text(), (line, text) -> {
                    if (line.channel() == Channel.THEM) {
                        text.setStyle("-fx-font-weight: bold; -fx-fill: -color-accent-fg;");
                    }
                });
    }

    /** m:ss from the start of the session. */
    static String clock(long ms) {
        long s = Math.max(0, ms) / 1000;
        return String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
