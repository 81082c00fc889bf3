package dev.cuecard.hotkey;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A key with modifiers, written like "ctrl+alt+space". Global hotkeys need at least one modifier
 * so they never swallow normal typing in the video call.
 */
public record KeyChord(Set<Modifier> modifiers, String key) {

    /** Modifier keys. */
    public enum Modifier { CTRL, ALT, SHIFT, META }

    public KeyChord {
        modifiers = modifiers.isEmpty() ? EnumSet.noneOf(Modifier.class) : EnumSet.copyOf(modifiers);
    }

    /** Parses "ctrl+alt+space"; the message of the exception says what is wrong. */
    public static KeyChord parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty key chord");
        }
        EnumSet<Modifier> mods = EnumSet.noneOf(Modifier.class);
        String key = null;
        for (String part : text.toLowerCase(Locale.ROOT).replace(" ", "").split("\\+")) {
            switch (part) {
                case "ctrl", "control" -> mods.add(Modifier.CTRL);
                case "alt", "option" -> mods.add(Modifier.ALT);
                case "shift" -> mods.add(Modifier.SHIFT);
                case "meta", "cmd", "command", "super", "win" -> mods.add(Modifier.META);
                default -> {
                    if (key != null) {
                        throw new IllegalArgumentException("'" + text + "' has two keys (" + key + ", " + part + ")");
                    }
                    key = normalizeKey(part);
                }
            }
        }
        if (key == null) {
            throw new IllegalArgumentException("'" + text + "' has no key besides modifiers");
        }
        if (mods.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' needs a modifier (ctrl, alt, shift or meta)");
        }
        return new KeyChord(mods, key);
    }

    private static String normalizeKey(String k) {
        String key = switch (k) {
            case "pgup", "pageup" -> "PAGE_UP";
            case "pgdn", "pagedown" -> "PAGE_DOWN";
            case "esc" -> "ESCAPE";
            case "return" -> "ENTER";
            default -> k.toUpperCase(Locale.ROOT);
        };
        boolean known = key.matches("[A-Z]|[0-9]|F([1-9]|1[0-2])")
                || Set.of("SPACE", "UP", "DOWN", "LEFT", "RIGHT", "PAGE_UP", "PAGE_DOWN", "ENTER", "ESCAPE", "HOME",
                "END", "INSERT", "DELETE", "TAB").contains(key);
        if (!known) {
            throw new IllegalArgumentException("unknown key '" + k + "' (use a letter, digit, F1-F12, space, "
                    + "arrows, page up/down, home, end, enter, tab)");
        }
        return key;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Modifier m : modifiers) {
            b.append(m.name().toLowerCase(Locale.ROOT)).append('+');
        }
        return b.append(key.toLowerCase(Locale.ROOT)).toString();
    }
}
