package dev.cuecard.hotkey;

import static org.assertj.core.api.Assertions.assertThat;

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
            Thread.sleep(300); // the hook thread attaches to the X server asynchronously
            xdotool("ctrl+alt+h");
            assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo(HotkeyAction.TOGGLE_OVERLAY);
            xdotool("ctrl+alt+Up");
            assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo(HotkeyAction.MORE_DETAIL);
            // a plain key is never an action
            xdotool("h");
            assertThat(seen.poll(500, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    private static void xdotool(String chord) throws Exception {
        Process p = new ProcessBuilder("xdotool", "key", chord).inheritIO().start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }
}
