package dev.cuecard.pipeline;

import dev.cuecard.audio.AudioSource;
import dev.cuecard.audio.Channel;

/** One labelled source fed into the pipeline. */
public record ChannelInput(Channel channel, AudioSource source) {
}
