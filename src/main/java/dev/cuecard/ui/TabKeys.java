package dev.cuecard.ui;

import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Tab and Shift+Tab leave a text area for the next or previous control, as in every other field:
 * a text area's own Tab typed a tab character, so keyboard users could not get past a notes or
 * answer box (and the tabs were saved with the text). Ctrl+Tab still moves on too.
 */
public final class TabKeys {
    private TabKeys() {
    }

    /** Any thread, before the area is shown. */
    public static void moveFocus(TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown()) {
                e.consume();
                // the text area's own binding for Ctrl+Tab (Ctrl+Shift+Tab) moves the focus on (back)
                area.fireEvent(new KeyEvent(e.getSource(), e.getTarget(), KeyEvent.KEY_PRESSED, e.getCharacter(),
                        e.getText(), KeyCode.TAB, e.isShiftDown(), true, false, false));
            }
        });
    }
}
