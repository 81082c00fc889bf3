package dev.cuecard.pipeline;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.audio.Channel;
import dev.cuecard.hint.HintEngine;
import dev.cuecard.question.QuestionTracker;
import dev.cuecard.question.UtteranceClassifier;
import java.util.function.Consumer;

/**
 * Questions and hints from the interviewer's transcript, on the recognizer thread of that channel
 * (classification is pure and takes milliseconds, so no hop is needed).
 */
public final class QuestionStage {
    private final QuestionTracker tracker;
    private final HintEngine hints;

    public QuestionStage(UtteranceClassifier classifier, HintEngine hints) {
        this.tracker = new QuestionTracker(classifier);
        this.hints = hints;
    }

    void onTranscript(TranscriptEvent e, Consumer<PipelineEvent> publish) {
        if (e.channel() != Channel.THEM) {
            return;
        }
        tracker.onTranscript(e).ifPresent(q -> {
            publish.accept(new PipelineEvent.Question(q));
            hints.hintFor(q.classification()).ifPresent(h ->
                    publish.accept(new PipelineEvent.HintReady(q.id(), h, q.channel(), q.atMs())));
        });
    }
}
