package dev.cuecard.pipeline;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.audio.AudioLevel;
import dev.cuecard.audio.Channel;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.TokenUsage;
import dev.cuecard.question.DetectedQuestion;
import java.util.Optional;

/** Everything the pipeline tells its listeners. */
public sealed interface PipelineEvent {

    Channel channel();

    /** Audio position of the channel (ms) when the event was emitted. */
    long atMs();

    /** A partial or final recognition result. */
    record Transcript(TranscriptEvent event) implements PipelineEvent {
        @Override
        public Channel channel() {
            return event.channel();
        }

        @Override
        public long atMs() {
            return event.atMs();
        }
    }

    /** Input level for the meters, one per chunk. */
    record Level(AudioLevel level) implements PipelineEvent {
        @Override
        public Channel channel() {
            return level.channel();
        }

        @Override
        public long atMs() {
            return level.atMs();
        }
    }

    /** The interviewer asked something (or a refinement of an earlier decision with the same id). */
    record Question(DetectedQuestion question) implements PipelineEvent {
        @Override
        public Channel channel() {
            return question.channel();
        }

        @Override
        public long atMs() {
            return question.atMs();
        }
    }

    /** The hint for question {@code questionId}. */
    record HintReady(int questionId, Hint hint, Channel channel, long atMs) implements PipelineEvent {
    }

    /**
     * The LLM's draft for question {@code questionId}: partial while it streams (the card fills in),
     * then once {@code complete}, with the tokens it cost when the endpoint reported them.
     */
    record HintUpdate(int questionId, Hint hint, boolean complete, Optional<TokenUsage> usage, Channel channel,
                      long atMs) implements PipelineEvent {
    }

    /**
     * The question, its template and the recent transcript are being sent to the LLM endpoint
     * {@code destination}; {@code offMachine} is false for a server on this machine.
     */
    record TextSent(int questionId, String destination, boolean offMachine, Channel channel, long atMs)
            implements PipelineEvent {
    }

    /** The LLM draft of a question ended without a hint; the template hint stays. {@code message} is for the user. */
    record LlmStatus(int questionId, State state, String message, Channel channel, long atMs) implements PipelineEvent {
        public enum State { FAILED, CANCELLED }
    }

    /**
     * A channel started, ended or failed; its device was lost (the channel goes on with silence),
     * came back, or was switched to the new default; {@code message} is for the user.
     */
    record ChannelStatus(Channel channel, State state, String message, long atMs) implements PipelineEvent {
        public enum State { STARTED, ENDED, FAILED, OVERRUN, LOST, RECOVERED, SWITCHED }
    }
}
