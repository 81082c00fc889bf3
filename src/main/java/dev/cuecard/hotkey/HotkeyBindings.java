package dev.cuecard.hotkey;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Which chord triggers which action; two actions on one chord are rejected with a message. */
public final class HotkeyBindings {
    private final Map<HotkeyAction, KeyChord> chords;

    private HotkeyBindings(Map<HotkeyAction, KeyChord> chords) {
        this.chords = chords;
    }

    public static HotkeyBindings defaults() {
        return from(Map.of());
    }

    /**
     * Builds bindings from settings (action id → chord); missing actions take their defaults.
     *
     * @throws IllegalArgumentException with a message naming the bad chord or the conflict
     */
    public static HotkeyBindings from(Map<String, String> configured) {
        Map<HotkeyAction, KeyChord> m = new EnumMap<>(HotkeyAction.class);
        for (HotkeyAction a : HotkeyAction.values()) {
            String text = configured.getOrDefault(a.id(), a.defaultChord());
            KeyChord chord;
            try {
                chord = KeyChord.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(a.label() + ": " + e.getMessage(), e);
            }
            for (Map.Entry<HotkeyAction, KeyChord> other : m.entrySet()) {
                if (other.getValue().equals(chord)) {
                    throw new IllegalArgumentException(chord + " is set for both '" + other.getKey().label()
                            + "' and '" + a.label() + "'");
                }
            }
            m.put(a, chord);
        }
        return new HotkeyBindings(m);
    }

    public KeyChord chord(HotkeyAction a) {
        return chords.get(a);
    }

    public Optional<HotkeyAction> actionFor(KeyChord chord) {
        return chords.entrySet().stream().filter(e -> e.getValue().equals(chord)).map(Map.Entry::getKey).findFirst();
    }

    /** As settings: action id → chord text. */
    public Map<String, String> toSettings() {
        Map<String, String> m = new LinkedHashMap<>();
        chords.forEach((a, c) -> m.put(a.id(), c.toString()));
        return m;
    }
}
