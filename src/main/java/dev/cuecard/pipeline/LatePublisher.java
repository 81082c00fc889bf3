package dev.cuecard.pipeline;

import dev.cuecard.audio.Channel;
import java.util.function.LongFunction;

/**
 * Publishes an event made off the recognizer thread (an LLM draft). The pipeline supplies the audio
 * position of the channel at the moment of publishing, so {@code atMs} stays in order per channel.
 */
@FunctionalInterface
interface LatePublisher {
    void publish(Channel channel, LongFunction<PipelineEvent> event);
}
