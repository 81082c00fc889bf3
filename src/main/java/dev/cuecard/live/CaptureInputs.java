package dev.cuecard.live;

import dev.cuecard.audio.AudioSourceException;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.DeviceCatalog;
import dev.cuecard.pipeline.ChannelInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The device choice of a live session, the same for the desktop app and {@code listen}: the
 * interviewer's device when one is named (e.g. {@code system}, what you hear), the named
 * microphone, else the default input. What cannot be opened is reported and that channel stays off.
 */
public final class CaptureInputs {
    private CaptureInputs() {
    }

    /**
     * @param problems one line per channel that stays off, and the catalog's notice (no sound server…)
     * @return the opened channels (none when nothing could be opened)
     */
    public static List<ChannelInput> open(DeviceCatalog devices, Optional<String> them, Optional<String> me,
                                          Consumer<String> problems) {
        List<ChannelInput> inputs = new ArrayList<>();
        devices.notice().ifPresent(problems);
        them.ifPresent(name -> open(devices, Channel.THEM, name, problems).ifPresent(inputs::add));
        Optional<String> mic = me.or(() -> devices.defaultFor(Channel.ME));
        mic.ifPresent(name -> open(devices, Channel.ME, name, problems).ifPresent(inputs::add));
        if (mic.isEmpty()) {
            // said, not silent: a session without the candidate's side has no answers to coach or review
            problems.accept("me channel off: no microphone found" + (inputs.isEmpty() ? "" : ", so only the interviewer is "
                    + "heard") + "; choose yours from 'cuecard devices' (listen --me, or the app's audio settings)");
        }
        return inputs;
    }

    private static Optional<ChannelInput> open(DeviceCatalog devices, Channel channel, String name,
                                               Consumer<String> problems) {
        try {
            return Optional.of(new ChannelInput(channel, devices.open(name)));
        } catch (AudioSourceException e) {
            problems.accept(channel.id() + " channel off: " + e.getMessage());
            return Optional.empty();
        }
    }
}
