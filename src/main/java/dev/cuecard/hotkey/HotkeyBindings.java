package dev.cuecard.hotkey;

import dev.cuecard.text.EditDistance;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
     * @throws IllegalArgumentException with a message naming the bad chord, the conflict or an action
     *                                  Cuecard does not have (a misspelt one would otherwise keep its default unseen)
     */
    public static HotkeyBindings from(Map<String, String> configured) {
        for (String id : configured.keySet()) {
            if (Arrays.stream(HotkeyAction.values()).noneMatch(a -> a.id().equals(id))) {
                throw new IllegalArgumentException("no action '" + id + "'" + nearest(id).map(a -> " (did you mean '"
                        + a.id() + "'?)").orElse(" (the actions are " + Arrays.stream(HotkeyAction.values())
                        .map(HotkeyAction::id).collect(Collectors.joining(", ")) + ")"));
            }
        }
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

    /** The action a misspelt id most likely meant: the same letters ignoring case and separators, or two edits away. */
    private static Optional<HotkeyAction> nearest(String id) {
        String plain = plain(id);
        return Arrays.stream(HotkeyAction.values())
                .filter(a -> EditDistance.between(plain, plain(a.id())) <= 2)
                .min(Comparator.comparingInt(a -> EditDistance.between(plain, plain(a.id()))));
    }

    private static String plain(String id) {
        return id.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
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
