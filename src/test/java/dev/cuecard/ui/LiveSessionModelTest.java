package dev.cuecard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.asr.TranscriptKind;
import dev.cuecard.audio.Channel;
import dev.cuecard.hint.TemplateHintEngine;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.testing.InterviewFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two sessions in one run of the app: the second starts on a clean slate — its question ids and
 * audio times start again at the beginning, and must not land on the first session's cards.
 */
class LiveSessionModelTest {
    final LiveSessionModel model = new LiveSessionModel(FxTestSupport.CLASSIFIER, new TemplateHintEngine());
    /** The FX thread is the test's own thread here: every post runs at once. */
    final FxBridge bridge = new FxBridge(Runnable::run, model::apply);

    static PipelineEvent partial(String text, long atMs) {
        return new PipelineEvent.Transcript(new TranscriptEvent(Channel.THEM, TranscriptKind.PARTIAL, text, 0, atMs,
                atMs, List.of()));
    }

    void session(String question, long finalAtMs) {
        bridge.onEvent(InterviewFixture.transcript(Channel.THEM, finalAtMs - 2000, finalAtMs, question));
        for (PipelineEvent e : FxTestSupport.questionAndHint(1, question)) {
            bridge.onEvent(e);
        }
    }

    @Test
    void listeningIsSaidOnceWithWhereTheTextGoes() {
        model.listeningNote(DesktopApp.whereTextGoes(java.util.Optional.empty()));
        int before = model.statusHistory().size();
        bridge.onEvent(new PipelineEvent.ChannelStatus(Channel.THEM, PipelineEvent.ChannelStatus.State.STARTED, "", 0));
        bridge.onEvent(new PipelineEvent.ChannelStatus(Channel.ME, PipelineEvent.ChannelStatus.State.STARTED, "", 0));
        assertThat(model.statusHistory().subList(before, model.statusHistory().size()))
                .singleElement().satisfies(m -> assertThat(m.text())
                        .isEqualTo("Listening · Offline: template hints, nothing leaves this machine"));
    }

    @Test
    void theMetersFallToNothingWhenListeningPausesOrStops() {
        bridge.sessionStarted(model::sessionStarted);
        model.listeningProperty().set(true);
        bridge.onEvent(new PipelineEvent.Level(new dev.cuecard.audio.AudioLevel(Channel.ME, 0.6, 0.8, 100)));
        bridge.onEvent(new PipelineEvent.Level(new dev.cuecard.audio.AudioLevel(Channel.THEM, 0.4, 0.5, 100)));
        assertThat(model.meLevelProperty().get()).isEqualTo(0.6);
        model.pausedProperty().set(true);
        assertThat(model.meLevelProperty().get()).isZero();
        assertThat(model.themLevelProperty().get()).isZero();
        // capture may still report levels while paused: what is not listened to shows nothing
        bridge.onEvent(new PipelineEvent.Level(new dev.cuecard.audio.AudioLevel(Channel.ME, 0.6, 0.8, 200)));
        assertThat(model.meLevelProperty().get()).isZero();
        model.pausedProperty().set(false);
        bridge.onEvent(new PipelineEvent.Level(new dev.cuecard.audio.AudioLevel(Channel.ME, 0.5, 0.8, 300)));
        assertThat(model.meLevelProperty().get()).isEqualTo(0.5);
        model.listeningProperty().set(false);
        assertThat(model.meLevelProperty().get()).isZero();
    }

    @Test
    void aSecondSessionShowsItsOwnCardsAndTranscriptOnly() {
        bridge.sessionStarted(model::sessionStarted);
        session("how would you design a rate limiter for a public api", 40_000);
        bridge.onEvent(partial("and how would you", 41_000));
        assertThat(model.questions()).hasSize(1);
        QuestionCard first = model.questions().get(0);

        bridge.sessionStarted(model::sessionStarted);
        assertThat(model.questions()).isEmpty();
        assertThat(model.transcript()).isEmpty();
        assertThat(model.shownProperty().get()).isNull();
        assertThat(model.themPartialProperty().get()).isEmpty();

        // the new session's clock starts at 0 again: its early partials are shown
        bridge.onEvent(partial("what is the difference", 1_500));
        assertThat(model.themPartialProperty().get()).isEqualTo("what is the difference");
        session("what is the difference between a mutex and a semaphore", 5_000);
        assertThat(model.questions()).singleElement().isNotSameAs(first)
                .satisfies(c -> assertThat(c.classification().text()).contains("mutex"));
        assertThat(model.shownProperty().get()).isSameAs(model.questions().get(0));
        assertThat(model.shownProperty().get().hint().title()).containsIgnoringCase("mutex");
        assertThat(model.transcript()).extracting(TranscriptLine::text)
                .containsExactly("what is the difference between a mutex and a semaphore");
    }

    @Test
    void theCoachOfOneSessionIsNotTheNextOnesAndAThemOnlySessionHasNone() {
        bridge.sessionStarted(model::sessionStarted);
        bridge.onEvent(new PipelineEvent.ChannelStatus(Channel.ME, PipelineEvent.ChannelStatus.State.STARTED, "mic", 0));
        bridge.onEvent(new PipelineEvent.Coverage(1, "Token bucket per client", Channel.ME, 9_000));
        bridge.onEvent(new PipelineEvent.AnswerEnd(1, 30_000, 140, 2, List.of(), List.of("Atomic counter"),
                java.util.Optional.of("What if Redis is down?"), Channel.ME, 40_000));
        CoachModel.Answer answer = model.coach().answerTo(1).orElseThrow();
        // the end's own list leaves out the partial tick: still ticked
        assertThat(answer.ticked("Token bucket per client")).isTrue();
        assertThat(answer.ended()).isTrue();
        assertThat(answer.elapsedMs(90_000)).isEqualTo(30_000);
        assertThat(answer.followUp()).contains("What if Redis is down?");
        assertThat(model.coach().candidateHeardProperty().get()).isTrue();

        bridge.sessionStarted(model::sessionStarted);
        bridge.onEvent(new PipelineEvent.ChannelStatus(Channel.THEM, PipelineEvent.ChannelStatus.State.STARTED, "system", 0));
        assertThat(model.coach().answerTo(1)).isEmpty();
        assertThat(model.coach().candidateHeardProperty().get()).isFalse();
    }

    @Test
    void aCardDecidedWhileTheQuestionWasAskedShowsTheWholeQuestionOnceItEnds() {
        bridge.sessionStarted(model::sessionStarted);
        session("how would you design a rate", 40_000);
        QuestionCard card = model.questions().get(0);
        dev.cuecard.question.Classification decided = card.classification();
        dev.cuecard.question.Classification whole = new dev.cuecard.question.Classification(
                "how would you design a rate limiter for a public api", true, decided.category(), decided.template(),
                decided.confidence(), decided.score());
        bridge.onEvent(new PipelineEvent.QuestionHeard(new dev.cuecard.question.DetectedQuestion(1, Channel.THEM, whole,
                40_000, 42_000, true, false, dev.cuecard.question.DecisionReason.STABLE_PARTIALS, 38_000), 42_300));
        assertThat(model.questions()).singleElement().isSameAs(card);
        assertThat(card.classification().text()).isEqualTo("how would you design a rate limiter for a public api");
        assertThat(card.classification().templateId()).isEqualTo(decided.templateId());
    }
}
