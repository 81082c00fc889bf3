package dev.cuecard.hotkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyChordTest {
    @Test
    void parsesAndPrintsChords() {
        KeyChord c = KeyChord.parse("Ctrl + Alt + Space");
        assertThat(c.modifiers()).containsExactlyInAnyOrder(KeyChord.Modifier.CTRL, KeyChord.Modifier.ALT);
        assertThat(c.key()).isEqualTo("SPACE");
        assertThat(c.toString()).isEqualTo("ctrl+alt+space");
        assertThat(KeyChord.parse("cmd+shift+pgup").toString()).isEqualTo("shift+meta+page_up");
    }

    @Test
    void rejectsChordsThatWouldSwallowTypingOrMakeNoSense() {
        assertThatThrownBy(() -> KeyChord.parse("h")).hasMessageContaining("needs a modifier");
        assertThatThrownBy(() -> KeyChord.parse("ctrl+alt")).hasMessageContaining("no key");
        assertThatThrownBy(() -> KeyChord.parse("ctrl+a+b")).hasMessageContaining("two keys");
        assertThatThrownBy(() -> KeyChord.parse("ctrl+banana")).hasMessageContaining("unknown key");
    }

    @Test
    void conflictsAreRejectedWithBothActionsNamed() {
        assertThatThrownBy(() -> HotkeyBindings.from(Map.of("ask_now", "ctrl+alt+h")))
                .hasMessageContaining("ctrl+alt+h").hasMessageContaining("Ask now").hasMessageContaining("overlay");
        HotkeyBindings b = HotkeyBindings.from(Map.of("ask_now", "ctrl+shift+k"));
        assertThat(b.actionFor(KeyChord.parse("ctrl+shift+k"))).contains(HotkeyAction.ASK_NOW);
        assertThat(b.toSettings()).containsEntry("toggle_overlay", "ctrl+alt+h");
    }

    @Test
    void anActionCuecardDoesNotHaveIsNamedNotSilentlyLeftAtItsDefault() {
        assertThatThrownBy(() -> HotkeyBindings.from(Map.of("moreDetail", "ctrl+shift+m")))
                .hasMessageContaining("no action 'moreDetail' (did you mean 'more_detail'?)");
        assertThatThrownBy(() -> HotkeyBindings.from(Map.of("screenshot", "ctrl+shift+s")))
                .hasMessageContaining("no action 'screenshot' (the actions are ask_now, toggle_overlay,");
        assertThat(HotkeyBindings.from(Map.of("more_detail", "ctrl+shift+m")).chord(HotkeyAction.MORE_DETAIL))
                .hasToString("ctrl+shift+m");
    }

    @Test
    void globalHooksAreNotEvenTriedWithoutAnXDisplay() {
        assertThat(GlobalHotkeys.unavailableReason(Map.of(), "Linux")).contains("no X display");
        assertThat(GlobalHotkeys.unavailableReason(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux").orElseThrow())
                .contains("Wayland");
        assertThat(GlobalHotkeys.unavailableReason(Map.of("DISPLAY", ":0"), "Linux")).isEqualTo(Optional.empty());
        assertThat(GlobalHotkeys.unavailableReason(Map.of(), "Windows 11")).isEmpty();
    }
}
