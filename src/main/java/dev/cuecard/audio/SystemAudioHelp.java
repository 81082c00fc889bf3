package dev.cuecard.audio;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the user needs to know to let Cuecard hear the interviewer on this OS, given the devices
 * found: nothing to do on Linux with a sound server and on Windows; on macOS whether BlackHole is
 * installed (the first-run audio check says so).
 */
public final class SystemAudioHelp {
    private SystemAudioHelp() {
    }

    /** The first BlackHole device, the macOS route to system audio. */
    public static Optional<AudioDevice> blackHole(List<AudioDevice> devices) {
        return devices.stream().filter(d -> d.name().toLowerCase(Locale.ROOT).contains("blackhole")).findFirst();
    }

    public static String text(String osName, List<AudioDevice> devices, Optional<String> notice) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac") || os.contains("darwin")) {
            return blackHole(devices).map(b -> "BlackHole found ('" + b.name() + "'): use it for the interviewer. In "
                    + "Audio MIDI Setup make a Multi-Output Device (your speakers + BlackHole) the output, so you "
                    + "hear the call and Cuecard does too. macOS asks for microphone access.")
                    .orElse("BlackHole not found: macOS shares what it plays only through a virtual device. Install "
                            + "BlackHole 2ch (https://existential.audio/blackhole), make a Multi-Output Device "
                            + "(speakers + BlackHole) the output in Audio MIDI Setup, then open this check again.");
        }
        if (os.contains("win")) {
            return "'system' hears what your default output plays (WASAPI loopback): no Stereo Mix or virtual cable "
                    + "needed. Headphones keep the interviewer out of your microphone.";
        }
        boolean server = devices.stream().anyMatch(d -> d.backend() == AudioDevice.Backend.SOUND_SERVER);
        if (server) {
            return "'system' is what this computer plays — the monitor of the default output (PulseAudio/PipeWire): "
                    + "the call, with no setup, and it follows the output you switch to. Headphones keep the "
                    + "interviewer out of your microphone.";
        }
        return notice.map(n -> n + ". ").orElse("") + "For direct capture install pulseaudio-utils (pactl, parec) "
                + "with PulseAudio or PipeWire; otherwise load the ALSA loopback driver (sudo modprobe snd-aloop), "
                + "send the call's output to it and pick the Loopback capture device for the interviewer.";
    }
}
