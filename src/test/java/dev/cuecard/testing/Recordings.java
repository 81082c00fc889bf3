package dev.cuecard.testing;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.audio.AudioSource;
import dev.cuecard.audio.Channel;
import dev.cuecard.pipeline.ChannelInput;
import dev.cuecard.pipeline.NamedThreadFactory;
import dev.cuecard.pipeline.Pipeline;
import dev.cuecard.pipeline.PipelineEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Runs the real pipeline (real Vosk) over sources and collects every event. */
public final class Recordings {
    private Recordings() {
    }

    public static List<PipelineEvent> run(ChannelInput... inputs) {
        List<PipelineEvent> events = Collections.synchronizedList(new ArrayList<>());
        Pipeline p = new Pipeline(Pipeline.RecognizerFactory.vosk(SpeechFixtures.model()), new NamedThreadFactory("test"));
        p.addListener(events::add);
        try {
            for (ChannelInput in : inputs) {
                p.addChannel(in);
            }
            p.start();
            p.awaitEnd();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new ArrayList<>(events);
    }

    public static List<TranscriptEvent> transcripts(List<PipelineEvent> events, Channel channel, boolean finals) {
        return events.stream()
                .filter(e -> e instanceof PipelineEvent.Transcript)
                .map(e -> ((PipelineEvent.Transcript) e).event())
                .filter(e -> e.channel() == channel && e.isFinal() == finals)
                .toList();
    }

    public static String finalText(AudioSource source) {
        List<PipelineEvent> events = run(new ChannelInput(Channel.THEM, source));
        return String.join(" ", transcripts(events, Channel.THEM, true).stream().map(TranscriptEvent::text).toList());
    }
}
