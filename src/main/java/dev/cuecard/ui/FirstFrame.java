package dev.cuecard.ui;

import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The start-up windows' scenes styled and laid out before either window is shown (issue 12). Shown one
 * after the other, the main window appeared as soon as its own styling was done and stayed blank while
 * the overlay was styled (50–85 ms) and the first frame laid the whole main window out again (12–22 ms:
 * every node needed a layout once the window showed). Styled first, both windows appear together and
 * their first frame only copies and paints them. {@code -Dcuecard.ui.styleBeforeShown=false} turns it
 * off for comparison. FX thread.
 */
final class FirstFrame {
    static final boolean ON = Boolean.parseBoolean(System.getProperty("cuecard.ui.styleBeforeShown", "true"));

    private FirstFrame() {
    }

    /** Styles and lays out {@code scene} at its own size, as showing its window would. */
    static void prepare(Scene scene) {
        Parent root = scene.getRoot();
        root.applyCss();
        root.resize(scene.getWidth(), scene.getHeight());
        root.layout();
    }

    /** Whether any node of {@code scene} still needs a layout (the next frame would do it). */
    static boolean needsLayout(Scene scene) {
        return needsLayout(scene.getRoot());
    }

    private static boolean needsLayout(Parent p) {
        if (p.isNeedsLayout()) {
            return true;
        }
        return p.getChildrenUnmodifiable().stream().anyMatch(n -> n instanceof Parent c && needsLayout(c));
    }
}
