package dev.cuecard.hotkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A session starts whatever the settings say: one wrong entry must not cost the user every other chord. */
class HotkeyBindingsTest {
    @Test
    void anUnknownActionIsSkippedAndTheOtherChordsStay() {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("moreDetail", "ctrl+shift+m");
        set.put("ask_now", "ctrl+shift+k");
        HotkeyBindings.Lenient read = HotkeyBindings.lenient(set);
        assertThat(read.bindings().chord(HotkeyAction.ASK_NOW)).hasToString("ctrl+shift+k");
        assertThat(read.bindings().chord(HotkeyAction.MORE_DETAIL)).hasToString("ctrl+alt+up");
        assertThat(read.problems()).containsExactly("no action 'moreDetail' (did you mean 'more_detail'?) — ignored");
    }

    @Test
    void aBadChordKeepsItsActionsDefaultOnly() {
        HotkeyBindings.Lenient read = HotkeyBindings.lenient(Map.of("next_hint", "ctrl+banana",
                "toggle_coach", "ctrl+shift+c"));
        assertThat(read.bindings().chord(HotkeyAction.NEXT_HINT)).hasToString("ctrl+alt+right");
        assertThat(read.bindings().chord(HotkeyAction.TOGGLE_COACH)).hasToString("ctrl+shift+c");
        assertThat(read.problems()).singleElement().asString().startsWith("Next hint: ")
                .contains("unknown key").endsWith("— its default ctrl+alt+right is used");
    }

    @Test
    void ofTwoActionsOnOneChordTheOneMovedOffItsDefaultGivesWay() {
        // ask_now comes first in the list of actions, but it is the one the user moved onto the overlay's chord
        HotkeyBindings.Lenient read = HotkeyBindings.lenient(Map.of("ask_now", "ctrl+alt+h",
                "pause_resume", "ctrl+shift+p"));
        assertThat(read.bindings().chord(HotkeyAction.ASK_NOW)).hasToString("ctrl+alt+space");
        assertThat(read.bindings().chord(HotkeyAction.TOGGLE_OVERLAY)).hasToString("ctrl+alt+h");
        assertThat(read.bindings().chord(HotkeyAction.PAUSE_RESUME)).hasToString("ctrl+shift+p");
        assertThat(read.problems()).singleElement().asString().contains("ctrl+alt+h is set for both")
                .endsWith("— 'Ask now (hint for the last question)' keeps its default ctrl+alt+space");
    }

    @Test
    void aChordMovedBackToItsDefaultThatIsNowTakenMovesTheOtherBack() {
        // next_hint takes ask_now's default; ask_now is moved onto the overlay's chord and gives way first,
        // back onto its default, which next_hint now holds: next_hint gives way in turn
        HotkeyBindings.Lenient read = HotkeyBindings.lenient(Map.of("ask_now", "ctrl+alt+h",
                "next_hint", "ctrl+alt+space", "toggle_coach", "ctrl+shift+c"));
        for (HotkeyAction a : new HotkeyAction[] {HotkeyAction.ASK_NOW, HotkeyAction.TOGGLE_OVERLAY,
                HotkeyAction.NEXT_HINT}) {
            assertThat(read.bindings().chord(a)).hasToString(a.defaultChord());
        }
        assertThat(read.bindings().chord(HotkeyAction.TOGGLE_COACH)).hasToString("ctrl+shift+c");
        assertThat(read.problems()).hasSize(2);
    }

    @Test
    void settingsWithoutProblemsReadTheSameBothWays() {
        Map<String, String> set = Map.of("less_detail", "ctrl+shift+down");
        HotkeyBindings.Lenient read = HotkeyBindings.lenient(set);
        assertThat(read.problems()).isEmpty();
        assertThat(read.bindings().toSettings()).isEqualTo(HotkeyBindings.from(set).toSettings());
    }
}
