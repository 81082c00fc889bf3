package dev.cuecard.pipeline;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.audio.Channel;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.HintEngine;
import dev.cuecard.question.QuestionTracker;
import dev.cuecard.question.UtteranceClassifier;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Questions and hints from the interviewer's transcript, on the recognizer thread of that channel
 * (classification is pure and takes milliseconds, so no hop is needed). The template hint goes out
 * at once; an LLM draft, when configured, follows from {@link HintDrafting}'s own thread. "Ask now"
 * comes from another thread (a hotkey), so the tracker is reached under one lock.
 */
public final class QuestionStage implements AutoCloseable {
    private final QuestionTracker tracker;
    private final UtteranceClassifier classifier;
    private final HintEngine hints;
    private final HintDrafting drafting;

    public QuestionStage(UtteranceClassifier classifier, HintEngine hints) {
        this(classifier, hints, null);
    }

    /** @param drafting LLM drafts after the template hint, or null for template hints only */
    public QuestionStage(UtteranceClassifier classifier, HintEngine hints, HintDrafting drafting) {
        this.tracker = new QuestionTracker(classifier);
        this.classifier = classifier;
        this.hints = hints;
        this.drafting = drafting;
    }

    /** The domain phrases a keyword spotter should listen for on the interviewer's channel. */
    public java.util.Map<String, String> spotPhrases() {
        return classifier.technicalTerms().spokenForms();
    }

    void onTranscript(TranscriptEvent e, Consumer<PipelineEvent> publish, LatePublisher late) {
        if (e.channel() == Channel.THEM) {
            synchronized (tracker) {
                tracker.onTranscript(e).ifPresent(q -> decided(q, hints.hintFor(q.classification()), publish, late));
                heardInFull(e.atMs(), publish, late);
            }
        }
        if (drafting != null) {
            // after the question: its own words are the question, not context before it
            drafting.heard(e);
        }
    }

    /** A chunk of the interviewer's audio was fed to the recogniser (its recognizer thread). */
    void onAudio(dev.cuecard.audio.AudioLevel level, Consumer<PipelineEvent> publish, LatePublisher late) {
        if (level.channel() == Channel.THEM) {
            synchronized (tracker) {
                tracker.onAudio(level.rms(), level.atMs())
                        .ifPresent(q -> decided(q, hints.hintFor(q.classification()), publish, late));
                heardInFull(level.atMs(), publish, late);
            }
        }
    }

    /** A question decided mid-utterance has been heard in full: store its words, show them, draft it. */
    private void heardInFull(long atMs, Consumer<PipelineEvent> publish, LatePublisher late) {
        tracker.takeHeardInFull().ifPresent(q -> {
            publish.accept(new PipelineEvent.QuestionHeard(q, atMs));
            if (drafting != null) {
                drafting.heardInFull(q, late);
            }
        });
    }

    /**
     * "Ask now": a card for the interviewer's current (or last) words even if no question was
     * detected; it is published, stored and drafted like any other question.
     *
     * @param atMs the interviewer channel's current audio position
     * @return false when nothing has been heard yet
     */
    boolean askNow(long atMs, Consumer<PipelineEvent> publish, LatePublisher late) {
        synchronized (tracker) {
            Optional<dev.cuecard.question.DetectedQuestion> asked = tracker.ask(atMs);
            // a question with no template still gets a general card: the user asked for one
            asked.ifPresent(q -> decided(q, hints.hintFor(q.classification())
                    .or(() -> Optional.of(dev.cuecard.hint.TemplateHintEngine.general(q.text()))), publish, late));
            return asked.isPresent();
        }
    }

    private void decided(dev.cuecard.question.DetectedQuestion q, Optional<Hint> hint, Consumer<PipelineEvent> publish,
                         LatePublisher late) {
        publish.accept(new PipelineEvent.Question(q));
        hint.ifPresent(h -> publish.accept(new PipelineEvent.HintReady(q.id(), h, q.channel(), q.atMs())));
        if (drafting != null) {
            drafting.onQuestion(q, hint, late);
        }
    }

    void awaitDrafts() throws InterruptedException {
        if (drafting != null) {
            drafting.awaitIdle();
        }
    }

    @Override
    public void close() {
        if (drafting != null) {
            drafting.close();
        }
    }
}
