package dev.cuecard.hotkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.testing.Xdotool;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** A real key chord sent to the X server with xdotool reaches the global hook (Xvfb in CI). */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class GlobalHotkeysTest {

    @Test
    void aRealChordFromXdotoolTriggersItsAction() throws Exception {
        BlockingQueue<HotkeyAction> seen = new LinkedBlockingQueue<>();
        HotkeyBindings bindings = HotkeyBindings.from(Map.of());
        GlobalHotkeys.Result result = GlobalHotkeys.start(bindings, seen::add);
        assertThat(result.unavailable()).isEmpty();
        try (GlobalHotkeys hotkeys = result.hotkeys().orElseThrow()) {
            Xdotool.awaitHookListening();
            Xdotool.key("ctrl+alt+h");
            assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo(HotkeyAction.TOGGLE_OVERLAY);
            Xdotool.key("ctrl+alt+Up");
            assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo(HotkeyAction.MORE_DETAIL);
            // a plain key is never an action
            Xdotool.key("h");
            assertThat(seen.poll(500, TimeUnit.MILLISECONDS)).isNull();
        }
    }

}
