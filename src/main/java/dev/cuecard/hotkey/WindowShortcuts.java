package dev.cuecard.hotkey;

import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The same chords as in-window shortcuts: always on, and the only ones where global hooks cannot run. */
public final class WindowShortcuts {
    private WindowShortcuts() {
    }

    public static void install(Scene scene, HotkeyBindings bindings, Consumer<HotkeyAction> onAction) {
        for (HotkeyAction a : HotkeyAction.values()) {
            scene.getAccelerators().put(toFx(bindings.chord(a)), () -> onAction.accept(a));
        }
    }

    static KeyCombination toFx(KeyChord chord) {
        KeyCode code = switch (chord.key()) {
            case "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" -> KeyCode.valueOf("DIGIT" + chord.key());
            default -> KeyCode.valueOf(chord.key());
        };
        java.util.List<KeyCombination.Modifier> mods = new java.util.ArrayList<>();
        for (KeyChord.Modifier m : chord.modifiers()) {
            mods.add(switch (m) {
                case CTRL -> KeyCombination.CONTROL_DOWN;
                case ALT -> KeyCombination.ALT_DOWN;
                case SHIFT -> KeyCombination.SHIFT_DOWN;
                case META -> KeyCombination.META_DOWN;
            });
        }
        return new KeyCodeCombination(code, mods.toArray(KeyCombination.Modifier[]::new));
    }
}
