package dev.cuecard.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A capture device as the user picks it: the name {@link DeviceCatalog#open(String)} takes (and the
 * settings store), a description, where it comes from, and whether it carries system audio (a
 * monitor of an output, a loopback device) — what to use for the interviewer.
 *
 * @param name        what to pass to {@code --them}/{@code --me} or pick in the app
 * @param description what the system calls it, or what an alias stands for now
 * @param backend     who captures it
 * @param systemAudio true for monitors and loopback devices: "what you hear"
 * @param isDefault   the default input, or the monitor of the default output
 */
public record AudioDevice(String name, String description, Backend backend, boolean systemAudio, boolean isDefault) {

    /** Who captures the device. */
    public enum Backend {
        /** PulseAudio or PipeWire (pipewire-pulse), through parec. */
        SOUND_SERVER("sound server"),
        /** javax.sound (ALSA on Linux, Core Audio on macOS, DirectSound on Windows). */
        JAVA_SOUND("Java Sound"),
        /** Windows WASAPI loopback of the default output, through XT-Audio. */
        WASAPI("WASAPI");

        private final String label;

        Backend(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One line for {@code cuecard devices}: name, description, and what it is. */
    public String line() {
        List<String> tags = new ArrayList<>();
        if (systemAudio) {
            tags.add("system audio: use for 'them'");
        }
        if (isDefault) {
            tags.add(systemAudio ? "default output" : "default input");
        }
        tags.add(backend.label());
        return String.format(Locale.ROOT, "%-32s %s  [%s]", name, description, String.join(", ", tags));
    }

    /** How a picker shows it: the description first, the name where it differs. */
    public String label() {
        return description.isBlank() || description.equals(name) ? name : description + " — " + name;
    }
}
