package dev.cuecard.ui;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The keys that close a window of the app's own (debrief, practice) as its close button does:
 * Escape, as in the dialogs, and Ctrl+W (Cmd+W), the usual key where a window manager offers none.
 * An open list or menu takes Escape first and only closes itself; no field here uses Escape.
 */
public final class CloseKeys {
    private CloseKeys() {
    }

    /** Any thread, before the scene is shown: the window is the one showing it when a key is pressed. */
    public static void install(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), () -> close(scene));
        // a filter: the session list took Escape for an edit it never has; an open list or menu has it before the scene
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                close(scene);
            }
        });
    }

    /** These windows have no close-request handler: hiding is what their close button does. */
    private static void close(Scene scene) {
        if (scene.getWindow() instanceof Stage stage) {
            stage.close();
        }
    }
}
