package dev.cuecard.hotkey;

import dev.cuecard.text.EditDistance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Which chord triggers which action; two actions on one chord are rejected with a message, or, read
 * {@linkplain #lenient leniently} for a session that must start, one of them keeps its default.
 */
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
        return read(configured, (problem, instead) -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /**
     * Bindings as far as the settings allow, for a session that must start anyway: an unknown action
     * is skipped, and an action whose chord is bad or taken keeps its default; the rest of the user's
     * chords stay. Each problem is named so that it can be shown.
     */
    public static Lenient lenient(Map<String, String> configured) {
        List<String> problems = new ArrayList<>();
        HotkeyBindings b = read(configured, (problem, instead) -> problems.add(problem + " — " + instead));
        return new Lenient(b, List.copyOf(problems));
    }

    /** Bindings read leniently, and what was wrong with the settings (empty: nothing). */
    public record Lenient(HotkeyBindings bindings, List<String> problems) {
    }

    /**
     * Reads the settings; each problem goes to {@code problems} with what is done instead (it may throw).
     * A bad chord gives way to the action's default; of two actions on one chord, the one moved off its
     * default gives way.
     */
    private static HotkeyBindings read(Map<String, String> configured, BiConsumer<String, String> problems) {
        for (String id : configured.keySet()) {
            if (Arrays.stream(HotkeyAction.values()).noneMatch(a -> a.id().equals(id))) {
                problems.accept("no action '" + id + "'" + nearest(id).map(a -> " (did you mean '"
                        + a.id() + "'?)").orElse(" (the actions are " + Arrays.stream(HotkeyAction.values())
                        .map(HotkeyAction::id).collect(Collectors.joining(", ")) + ")"), "ignored");
            }
        }
        Map<HotkeyAction, KeyChord> m = new EnumMap<>(HotkeyAction.class);
        for (HotkeyAction a : HotkeyAction.values()) {
            try {
                m.put(a, KeyChord.parse(configured.getOrDefault(a.id(), a.defaultChord())));
            } catch (IllegalArgumentException e) {
                problems.accept(a.label() + ": " + e.getMessage(), "its default " + a.defaultChord() + " is used");
                m.put(a, KeyChord.parse(a.defaultChord()));
            }
        }
        // each round moves one action back to its default, and defaults never clash: this ends
        for (HotkeyAction a : HotkeyAction.values()) {
            for (HotkeyAction b : HotkeyAction.values()) {
                if (a.ordinal() < b.ordinal() && m.get(a).equals(m.get(b))) {
                    HotkeyAction moved = m.get(b).equals(KeyChord.parse(b.defaultChord())) ? a : b;
                    problems.accept(m.get(a) + " is set for both '" + a.label() + "' and '" + b.label() + "'",
                            "'" + moved.label() + "' keeps its default " + moved.defaultChord());
                    m.put(moved, KeyChord.parse(moved.defaultChord()));
                    return read(settingsOf(m), problems);
                }
            }
        }
        return new HotkeyBindings(m);
    }

    private static Map<String, String> settingsOf(Map<HotkeyAction, KeyChord> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((a, c) -> out.put(a.id(), c.toString()));
        return out;
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
        return settingsOf(chords);
    }
}
