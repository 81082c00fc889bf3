package dev.cuecard.pipeline;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.audio.AudioLevel;
import dev.cuecard.audio.Channel;
import dev.cuecard.hint.Hint;
import dev.cuecard.question.DetectedQuestion;

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

    /** A channel started, ended or failed; {@code message} is for the user. */
    record ChannelStatus(Channel channel, State state, String message, long atMs) implements PipelineEvent {
        public enum State { STARTED, ENDED, FAILED, OVERRUN }
    }
}
