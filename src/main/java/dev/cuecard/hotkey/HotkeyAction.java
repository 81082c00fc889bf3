package dev.cuecard.hotkey;

import java.util.Locale;

/** What a hotkey can do; ids are the keys of the {@code ui.hotkeys} settings map. */
public enum HotkeyAction {
    ASK_NOW("ctrl+alt+space", "Ask now (hint for the last question)"),
    TOGGLE_OVERLAY("ctrl+alt+h", "Show / hide the overlay"),
    PAUSE_RESUME("ctrl+alt+p", "Pause / resume listening"),
    MORE_DETAIL("ctrl+alt+up", "More detail"),
    LESS_DETAIL("ctrl+alt+down", "Less detail"),
    NEXT_HINT("ctrl+alt+right", "Next hint"),
    PREVIOUS_HINT("ctrl+alt+left", "Previous hint"),
    TOGGLE_COACH("ctrl+alt+c", "Show / hide the answer coach");

    private final String defaultChord;
    private final String label;

    HotkeyAction(String defaultChord, String label) {
        this.defaultChord = defaultChord;
        this.label = label;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String defaultChord() {
        return defaultChord;
    }

    public String label() {
        return label;
    }
}
