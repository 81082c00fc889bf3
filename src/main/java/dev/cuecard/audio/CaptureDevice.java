package dev.cuecard.audio;

import java.util.List;
import javax.sound.sampled.Mixer;

/**
 * A capture device Java Sound can open.
 *
 * @param name    the mixer name, used to pick the device in settings and options
 * @param description what the driver says about it
 * @param formats the formats it advertises, human-readable
 * @param mixerInfo the handle used to open it
 */
public record CaptureDevice(String name, String description, List<String> formats, Mixer.Info mixerInfo) {

    /** True when the name suggests system audio (a loopback or monitor device), useful for "them". */
    public boolean looksLikeLoopback() {
        String n = (name + " " + description).toLowerCase(java.util.Locale.ROOT);
        return n.contains("monitor") || n.contains("loopback") || n.contains("stereo mix")
                || n.contains("blackhole") || n.contains("cable output") || n.contains("what u hear");
    }
}
