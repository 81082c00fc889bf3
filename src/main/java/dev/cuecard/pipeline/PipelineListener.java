package dev.cuecard.pipeline;

/**
 * Receives pipeline events. Called on the channel's recognizer thread (or capture thread for
 * levels): must be quick and thread-safe; the UI hops to its own thread through one bridge.
 */
@FunctionalInterface
public interface PipelineListener {
    void onEvent(PipelineEvent event);
}
