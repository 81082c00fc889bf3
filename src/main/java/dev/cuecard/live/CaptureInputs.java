package dev.cuecard.live;

import dev.cuecard.audio.AudioSourceException;
import dev.cuecard.audio.CaptureDevice;
import dev.cuecard.audio.CaptureDevices;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.MicrophoneSource;
import dev.cuecard.pipeline.ChannelInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The device choice of a live session, the same for the desktop app and {@code listen}: the
 * interviewer's device only when one is named; the named microphone, else the first device that
 * is not a loopback. What cannot be opened is reported and that channel stays off.
 */
public final class CaptureInputs {
    private CaptureInputs() {
    }

    /**
     * @param problems one line per channel that stays off, or per device that was replaced
     * @return the opened channels (none when nothing could be opened)
     */
    public static List<ChannelInput> open(Optional<String> them, Optional<String> me, Consumer<String> problems) {
        List<ChannelInput> inputs = new ArrayList<>();
        them.ifPresent(name -> find(Channel.THEM, name, problems)
                .flatMap(d -> open(Channel.THEM, d, problems)).ifPresent(inputs::add));
        Optional<CaptureDevice> named = me.flatMap(CaptureDevices::find);
        Optional<CaptureDevice> mic = named.or(CaptureInputs::defaultMicrophone);
        if (me.isPresent() && named.isEmpty()) {
            problems.accept("microphone '" + me.get() + "' not found (see 'cuecard devices'); "
                    + mic.map(d -> "using '" + d.name() + "'").orElse("me channel off"));
        }
        mic.flatMap(d -> open(Channel.ME, d, problems)).ifPresent(inputs::add);
        return inputs;
    }

    /** The first capture device that does not look like a loopback, else the first one. */
    static Optional<CaptureDevice> defaultMicrophone() {
        List<CaptureDevice> devices = CaptureDevices.list();
        return devices.stream().filter(d -> !d.looksLikeLoopback()).findFirst().or(() -> devices.stream().findFirst());
    }

    private static Optional<CaptureDevice> find(Channel channel, String name, Consumer<String> problems) {
        Optional<CaptureDevice> device = CaptureDevices.find(name);
        if (device.isEmpty()) {
            problems.accept("device '" + name + "' for " + channel.id() + " not found (see 'cuecard devices'); "
                    + channel.id() + " channel off");
        }
        return device;
    }

    private static Optional<ChannelInput> open(Channel channel, CaptureDevice device, Consumer<String> problems) {
        try {
            return Optional.of(new ChannelInput(channel, new MicrophoneSource(device)));
        } catch (AudioSourceException e) {
            problems.accept(channel.id() + " channel off: " + e.getMessage());
            return Optional.empty();
        }
    }
}
