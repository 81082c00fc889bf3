package dev.cuecard.audio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/** Finds the capture devices (mixers with a {@link TargetDataLine}) on this machine. */
public final class CaptureDevices {
    private CaptureDevices() {
    }

    public static List<CaptureDevice> list() {
        List<CaptureDevice> devices = new ArrayList<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            Mixer mixer;
            try {
                mixer = AudioSystem.getMixer(info);
            } catch (RuntimeException e) {
                continue;
            }
            Set<String> formats = new LinkedHashSet<>();
            boolean capture = false;
            for (Line.Info lineInfo : mixer.getTargetLineInfo()) {
                if (lineInfo instanceof DataLine.Info dataInfo
                        && TargetDataLine.class.isAssignableFrom(dataInfo.getLineClass())) {
                    capture = true;
                    for (AudioFormat f : dataInfo.getFormats()) {
                        formats.add(describe(f));
                    }
                }
            }
            if (capture) {
                devices.add(new CaptureDevice(info.getName(), info.getDescription(), List.copyOf(formats), info));
            }
        }
        return devices;
    }

    /** Finds a device whose name contains {@code query} (case-insensitive); exact names win. */
    public static Optional<CaptureDevice> find(String query) {
        String q = query.toLowerCase(Locale.ROOT);
        List<CaptureDevice> all = list();
        return all.stream().filter(d -> d.name().equalsIgnoreCase(query)).findFirst()
                .or(() -> all.stream().filter(d -> d.name().toLowerCase(Locale.ROOT).contains(q)).findFirst());
    }

    static String describe(AudioFormat f) {
        String rate = f.getSampleRate() == AudioSystem.NOT_SPECIFIED ? "any rate"
                : String.format(Locale.ROOT, "%.0f Hz", f.getSampleRate());
        String channels = f.getChannels() == AudioSystem.NOT_SPECIFIED ? "any channels"
                : f.getChannels() == 1 ? "mono" : f.getChannels() == 2 ? "stereo" : f.getChannels() + " ch";
        String bits = f.getSampleSizeInBits() == AudioSystem.NOT_SPECIFIED ? "any bits" : f.getSampleSizeInBits() + "-bit";
        return f.getEncoding() + " " + bits + " " + channels + " " + rate
                + (f.getSampleSizeInBits() > 8 ? (f.isBigEndian() ? " BE" : " LE") : "");
    }
}
