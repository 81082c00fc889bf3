package dev.cuecard.ui;

import dev.cuecard.audio.Channel;
import javafx.scene.control.ListView;

/**
 * A transcript line with its time in the session: the interviewer in the accent colour and bold,
 * the candidate plain; wrapped over as many lines as it needs.
 */
final class TranscriptCell extends WrappingListCell<TranscriptLine> {
    static final String THEM_STYLE = "transcript-them";

    TranscriptCell(ListView<TranscriptLine> list) {
        super(list, line -> clock(line.startMs()) + "   " + (line.channel() == Channel.THEM ? "Interviewer: " : "You: ")
                + line.text(), (line, text) -> {
                    // a style class, not an inline style: an inline looked-up colour was resolved before the
                    // row joined the themed scene ("Could not resolve '-color-accent-fg'") and drew black
                    text.getStyleClass().remove(THEM_STYLE);
                    if (line.channel() == Channel.THEM) {
                        text.getStyleClass().add(THEM_STYLE);
                    }
                });
    }

    /** m:ss from the start of the session. */
    static String clock(long ms) {
        long s = Math.max(0, ms) / 1000;
        return String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
