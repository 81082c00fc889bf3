package dev.cuecard.hotkey;

import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/** Maps jnativehook virtual key codes to {@link KeyChord} key names (VC_PAGE_UP → PAGE_UP). */
final class NativeKeys {
    private static final Map<Integer, String> NAMES = new HashMap<>();

    static {
        for (Field f : NativeKeyEvent.class.getFields()) {
            if (f.getName().startsWith("VC_") && Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                try {
                    NAMES.putIfAbsent(f.getInt(null), f.getName().substring(3));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private NativeKeys() {
    }

    static String name(int keyCode) {
        return NAMES.get(keyCode);
    }
}
