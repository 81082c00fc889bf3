package dev.cuecard.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.Channel;
import dev.cuecard.audio.WavFileSource;
import dev.cuecard.pipeline.ChannelInput;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.DecisionReason;
import dev.cuecard.question.QuestionDetector;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.question.UtteranceClassifier;
import dev.cuecard.session.QuestionDecision;
import dev.cuecard.session.SessionDetail;
import dev.cuecard.session.SessionKind;
import dev.cuecard.session.SessionStore;
import dev.cuecard.testing.SpeechFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one session engine on the real model, a real recording and a real SQLite file. */
class LiveSessionTest {
    static UtteranceClassifier classifier;

    @TempDir
    Path dir;

    @BeforeAll
    static void lexicalClassifier() {
        classifier = new UtteranceClassifier(TemplateLibrary.shipped(), AsrVocabulary.shipped(), new QuestionDetector());
    }

    @Test
    void askNowCardsTheInterviewersLastWordsAndStoresTheCardLikeAnyOther() throws Exception {
        List<PipelineEvent> events = new CopyOnWriteArrayList<>();
        try (SessionStore store = SessionStore.open(dir.resolve("cuecard.db"))) {
            LiveSession session = LiveSession.with(SpeechFixtures.model(), classifier)
                    .inputs(List.of(new ChannelInput(Channel.THEM,
                            new WavFileSource(SpeechFixtures.wav("hear-me-slt"), Double.POSITIVE_INFINITY))))
                    .storeIn(Optional.of(store)).titled(SessionKind.REPLAY, "ask now").listener(events::add).start();
            session.awaitEnd();
            // small talk: nothing was carded by itself
            assertThat(events).noneMatch(e -> e instanceof PipelineEvent.Question);

            assertThat(session.askNow()).isTrue();
            session.close();

            PipelineEvent.Question asked = events.stream().filter(e -> e instanceof PipelineEvent.Question)
                    .map(e -> (PipelineEvent.Question) e).findFirst().orElseThrow();
            assertThat(asked.question().reason()).isEqualTo(DecisionReason.ASKED);
            assertThat(asked.question().text()).startsWith("can you");
            assertThat(events).anyMatch(e -> e instanceof PipelineEvent.HintReady h && h.questionId() == asked.question().id());

            SessionDetail stored = store.load(session.sessionId()).orElseThrow();
            assertThat(stored.questions()).singleElement().satisfies(q -> {
                assertThat(q.seq()).isEqualTo(asked.question().id());
                assertThat(stored.hintsFor(q)).isNotEmpty();
            });
            assertThat(store.decisions(session.sessionId())).extracting(QuestionDecision::reason)
                    .containsExactly(DecisionReason.ASKED.id());
        }
    }

    @Test
    void aSessionNotStoredHasNoIdAndStillHearsEverything() throws Exception {
        List<PipelineEvent> events = new CopyOnWriteArrayList<>();
        LiveSession session = LiveSession.with(SpeechFixtures.model(), classifier)
                .inputs(List.of(new ChannelInput(Channel.THEM,
                        new WavFileSource(SpeechFixtures.wav("cache-slt"), Double.POSITIVE_INFINITY))))
                .listener(events::add).start();
        session.awaitEnd();
        session.close();
        assertThat(session.sessionId()).isEqualTo(-1);
        assertThat(events).anyMatch(e -> e instanceof PipelineEvent.Question);
        assertThat(session.failures()).isEmpty();
    }

    @Test
    void aStoredQuestionBeginsWhereItsWordsBeginEvenWhenCardedEarly() throws Exception {
        List<PipelineEvent> events = new CopyOnWriteArrayList<>();
        try (SessionStore store = SessionStore.open(dir.resolve("cuecard.db"))) {
            LiveSession session = LiveSession.with(SpeechFixtures.model(), classifier)
                    .inputs(List.of(new ChannelInput(Channel.THEM,
                            new WavFileSource(SpeechFixtures.wav("rate-limiter-slt"), Double.POSITIVE_INFINITY))))
                    .storeIn(Optional.of(store)).titled(SessionKind.REPLAY, "start").listener(events::add).start();
            session.awaitEnd();
            session.close();
            long firstWord = events.stream().filter(e -> e instanceof PipelineEvent.Transcript t && t.event().isFinal())
                    .map(e -> ((PipelineEvent.Transcript) e).event().startMs()).findFirst().orElseThrow();
            SessionDetail stored = store.load(session.sessionId()).orElseThrow();
            assertThat(stored.questions()).isNotEmpty();
            assertThat(stored.questions().get(0).startMs()).isBetween(firstWord - 300, firstWord + 300);
        }
    }
}
