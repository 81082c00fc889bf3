package dev.cuecard.practice;

import dev.cuecard.asr.ModelException;
import dev.cuecard.asr.SpeechModel;
import dev.cuecard.audio.AudioSource;
import dev.cuecard.audio.Channel;
import dev.cuecard.pipeline.ChannelInput;
import dev.cuecard.pipeline.Pipeline;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.session.Utterance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Recognises a recorded answer through the live pipeline (audio source → Vosk) on the {@code me}
 * channel, so a spoken answer is scored on exactly the text and timings a live answer would have.
 */
public final class WavAnswers {
    private WavAnswers() {
    }

    /** Thrown when the channel failed (unreadable audio, recogniser error). */
    public static final class RecognitionFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RecognitionFailed(String message) {
            super(message);
        }
    }

    public static Answer recognise(SpeechModel model, AudioSource source) throws InterruptedException, ModelException {
        List<Utterance> finals = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        try (Pipeline pipeline = new Pipeline(Pipeline.RecognizerFactory.vosk(model))) {
            pipeline.addListener(e -> {
                if (e instanceof PipelineEvent.Transcript t && t.event().isFinal() && !t.event().text().isBlank()) {
                    finals.add(new Utterance(Channel.ME, t.event().startMs(), t.event().endMs(), t.event().text()));
                } else if (e instanceof PipelineEvent.ChannelStatus s
                        && s.state() == PipelineEvent.ChannelStatus.State.FAILED) {
                    failures.add(s.message());
                }
            });
            pipeline.addChannel(new ChannelInput(Channel.ME, source));
            pipeline.start();
            pipeline.awaitEnd();
        }
        if (!failures.isEmpty()) {
            throw new RecognitionFailed(failures.get(0));
        }
        return Answer.spoken(finals);
    }
}
