package dev.cuecard.hotkey;

import com.github.kwhat.jnativehook.GlobalScreen;
import com.github.kwhat.jnativehook.NativeHookException;
import com.github.kwhat.jnativehook.NativeInputEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;
import dev.cuecard.pipeline.NamedThreadFactory;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * System-wide hotkeys through jnativehook. Starting it is refused (with a reason) where it cannot
 * work — no X display, Wayland without XWayland, macOS without accessibility permission — because
 * jnativehook kills the JVM later when its X connection fails even if the exception was caught.
 * Callers then rely on the in-window shortcuts.
 */
public final class GlobalHotkeys implements AutoCloseable {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(GlobalHotkeys.class);

    private final HotkeyBindings bindings;
    private final Consumer<HotkeyAction> onAction;
    private NativeKeyListener listener;
    private ExecutorService dispatcher;

    private GlobalHotkeys(HotkeyBindings bindings, Consumer<HotkeyAction> onAction) {
        this.bindings = bindings;
        this.onAction = onAction;
    }

    /** Why global hotkeys cannot start here, or empty when they may be tried. */
    public static Optional<String> unavailableReason(Map<String, String> env, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("linux") || os.contains("bsd")) {
            String display = env.get("DISPLAY");
            if (display == null || display.isBlank()) {
                return Optional.of(env.containsKey("WAYLAND_DISPLAY")
                        ? "Wayland session without X: global hotkeys need X11 or XWayland"
                        : "no X display");
            }
        }
        return Optional.empty();
    }

    /**
     * Starts the hook, or says why not.
     *
     * @param onAction called on the hook's named dispatch thread; hop to the UI thread yourself
     */
    public static Result start(HotkeyBindings bindings, Consumer<HotkeyAction> onAction) {
        Optional<String> reason = unavailableReason(System.getenv(), System.getProperty("os.name", ""));
        if (reason.isPresent()) {
            return new Result(Optional.empty(), reason);
        }
        // jnativehook logs every key through java.util.logging at INFO otherwise
        Logger jnh = Logger.getLogger(GlobalScreen.class.getPackage().getName());
        jnh.setLevel(Level.WARNING);
        jnh.setUseParentHandlers(false);
        GlobalHotkeys hotkeys = new GlobalHotkeys(bindings, onAction);
        try {
            GlobalScreen.registerNativeHook();
            // after registering: registration shuts down whatever dispatcher was set before it
            hotkeys.dispatcher = Executors.newSingleThreadExecutor(new NamedThreadFactory("hotkeys"));
            GlobalScreen.setEventDispatcher(hotkeys.dispatcher);
        } catch (NativeHookException | UnsatisfiedLinkError | RuntimeException e) {
            LOG.warn("global hotkeys unavailable: {}", e.getMessage());
            if (hotkeys.dispatcher != null) {
                hotkeys.dispatcher.shutdownNow();
            }
            return new Result(Optional.empty(), Optional.of("global hotkeys unavailable (" + e.getMessage()
                    + "); use the shortcuts inside the Cuecard windows"));
        }
        hotkeys.listener = new NativeKeyListener() {
            @Override
            public void nativeKeyPressed(NativeKeyEvent e) {
                toChord(e).flatMap(bindings::actionFor).ifPresent(onAction);
            }
        };
        GlobalScreen.addNativeKeyListener(hotkeys.listener);
        return new Result(Optional.of(hotkeys), Optional.empty());
    }

    /** Either running hotkeys, or the reason they are not. */
    public record Result(Optional<GlobalHotkeys> hotkeys, Optional<String> unavailable) {
    }

    static Optional<KeyChord> toChord(NativeKeyEvent e) {
        String key = NativeKeys.name(e.getKeyCode());
        if (key == null) {
            return Optional.empty();
        }
        int m = e.getModifiers();
        EnumSet<KeyChord.Modifier> mods = EnumSet.noneOf(KeyChord.Modifier.class);
        if ((m & NativeInputEvent.CTRL_MASK) != 0) {
            mods.add(KeyChord.Modifier.CTRL);
        }
        if ((m & NativeInputEvent.ALT_MASK) != 0) {
            mods.add(KeyChord.Modifier.ALT);
        }
        if ((m & NativeInputEvent.SHIFT_MASK) != 0) {
            mods.add(KeyChord.Modifier.SHIFT);
        }
        if ((m & NativeInputEvent.META_MASK) != 0) {
            mods.add(KeyChord.Modifier.META);
        }
        return mods.isEmpty() ? Optional.empty() : Optional.of(new KeyChord(mods, key));
    }

    public HotkeyBindings bindings() {
        return bindings;
    }

    @Override
    public void close() {
        try {
            if (listener != null) {
                GlobalScreen.removeNativeKeyListener(listener);
            }
            GlobalScreen.unregisterNativeHook();
        } catch (NativeHookException e) {
            LOG.warn("could not stop global hotkeys: {}", e.getMessage());
        } finally {
            if (dispatcher != null) {
                dispatcher.shutdownNow();
            }
        }
    }
}
