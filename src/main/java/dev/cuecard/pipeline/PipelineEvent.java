package dev.cuecard.pipeline;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.audio.AudioLevel;
import dev.cuecard.audio.Channel;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.TokenUsage;
import dev.cuecard.question.DetectedQuestion;
import java.util.List;
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

    /**
     * The utterance of a question decided while it was still being asked has ended: {@code question}
     * is the same card (id, category, template) with all the words the interviewer said and where
     * they ended. {@code atMs} is when that was known.
     */
    record QuestionHeard(DetectedQuestion question, long atMs) implements PipelineEvent {
        @Override
        public Channel channel() {
            return question.channel();
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

    /**
     * The candidate said key point {@code point} of question {@code questionId}'s card (the answer
     * coach, on the {@code me} channel). Sent once per point: a tick never un-ticks.
     */
    record Coverage(int questionId, String point, Channel channel, long atMs) implements PipelineEvent {
    }

    /**
     * The answer so far, after each of the candidate's final results: where its first word began
     * ({@code startMs}, candidate audio, so a display can keep the clock running between results),
     * time since then to its last word (against the 1–2 minute target; {@code wrapUp} from 2:00),
     * words per minute over the last 20 s, fillers, the key points covered and the one or two things
     * worth saying next.
     */
    record AnswerProgress(int questionId, long startMs, long elapsedMs, double wordsPerMinute, int fillers, boolean wrapUp,
                          List<String> covered, List<String> nextToSay, Channel channel, long atMs)
            implements PipelineEvent {
        public AnswerProgress {
            covered = List.copyOf(covered);
            nextToSay = List.copyOf(nextToSay);
        }
    }

    /**
     * The answer to question {@code questionId} ended (the next question came, or the candidate's
     * channel ended): its length from first to last word, words per minute, fillers, the key points
     * covered and missed, and the follow-up the interviewer is most likely to ask.
     */
    record AnswerEnd(int questionId, long durationMs, double wordsPerMinute, int fillers, List<String> covered,
                     List<String> missed, Optional<String> likelyFollowUp, Channel channel, long atMs)
            implements PipelineEvent {
        public AnswerEnd {
            covered = List.copyOf(covered);
            missed = List.copyOf(missed);
        }
    }
}
