package dev.cuecard.ui;

import java.util.Optional;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * At most one window of a kind (debrief, practice): asking for it again while it is open brings
 * it to the front, and asking while it is still being prepared in the background does nothing.
 * FX thread only.
 */
final class WindowSlot {
    private Stage stage;
    private boolean opening;

    /** The window is open (now in front) or being prepared: the caller opens nothing. */
    boolean focusIfOpen() {
        if (isOpen()) {
            focus(stage);
            return true;
        }
        return opening;
    }

    boolean isOpen() {
        return stage != null && stage.isShowing();
    }

    boolean isOpening() {
        return opening;
    }

    /** The window is being prepared in the background. */
    void opening() {
        opening = true;
    }

    /** The preparation failed: the next request tries again. */
    void failed() {
        opening = false;
    }

    /** The window is open; it leaves the slot when it is closed. */
    void opened(Stage s) {
        opening = false;
        if (s == stage) {
            return;
        }
        stage = s;
        s.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            if (stage == s) {
                stage = null;
            }
        });
    }

    Optional<Stage> stage() {
        return isOpen() ? Optional.of(stage) : Optional.empty();
    }

    /** Closes the window if it is open (the app is quitting). */
    void close() {
        opening = false;
        if (stage != null) {
            stage.close();
        }
    }

    static void focus(Stage s) {
        if (s.isIconified()) {
            s.setIconified(false);
        }
        s.toFront();
        s.requestFocus();
    }
}
