package dev.cuecard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kwhat.jnativehook.GlobalScreen;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Real key presses on the X display (xdotool), and a wait until the global hook really hears them. */
public final class Xdotool {
    private Xdotool() {
    }

    /** Presses a chord such as {@code ctrl+alt+Up} on the display and waits for xdotool to finish. */
    public static void key(String chord) throws Exception {
        Process p = new ProcessBuilder("xdotool", "key", chord).inheritIO().start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    /**
     * The native hook attaches to the X server on its own thread some time after it is registered; a
     * chord pressed before that is lost (a fixed sleep was too short on a slow CI machine). Presses
     * Shift, which no binding uses, until the hook reports a key.
     */
    public static void awaitHookListening() throws Exception {
        CountDownLatch heard = new CountDownLatch(1);
        NativeKeyListener probe = new NativeKeyListener() {
            @Override
            public void nativeKeyReleased(NativeKeyEvent e) {
                heard.countDown();
            }
        };
        GlobalScreen.addNativeKeyListener(probe);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            do {
                key("shift");
            } while (!heard.await(250, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline);
            assertThat(heard.getCount()).as("the global hook heard no key within 20 s").isZero();
        } finally {
            GlobalScreen.removeNativeKeyListener(probe);
        }
    }
}
