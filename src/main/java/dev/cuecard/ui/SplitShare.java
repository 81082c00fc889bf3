package dev.cuecard.ui;

import javafx.beans.InvalidationListener;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;

/**
 * A split pane's first divider at a share of its width until the user touches it. A split laid out
 * at its scene's width (views are built before their window is fitted to the screen) and then made
 * narrower kept its first side's width, not its share: the debrief's session list took ~37 % of a
 * window fitted beside the overlay instead of 26 %, and the question list left the answer ~190 px.
 */
public final class SplitShare {
    private SplitShare() {
    }

    /** Sets the share now and again at each width change, until a mouse press inside the split (a drag). */
    public static void keep(SplitPane split, double share) {
        split.setDividerPositions(share);
        InvalidationListener reapply = o -> split.setDividerPositions(share);
        split.widthProperty().addListener(reapply);
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> split.widthProperty().removeListener(reapply));
    }
}
