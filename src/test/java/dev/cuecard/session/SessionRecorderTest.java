package dev.cuecard.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.Channel;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.question.Category;
import dev.cuecard.testing.InterviewFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRecorderTest {
    @TempDir
    Path dir;

    @Test
    void storesFinalsQuestionsAndHintsAndIgnoresTheRest() {
        try (SessionStore store = SessionStore.open(dir.resolve("cuecard.db"))) {
            long id = InterviewFixture.record(store);
            SessionDetail d = store.load(id).orElseThrow();

            assertThat(d.session().status()).isEqualTo(SessionStatus.COMPLETE);
            assertThat(d.session().kind()).isEqualTo(SessionKind.DEMO);
            assertThat(d.session().themDevice()).isEqualTo("them.wav");
            assertThat(d.session().endedAt()).isPresent();
            // finals only: partials, levels and statuses are not stored
            assertThat(d.utterances()).extracting(Utterance::channel, Utterance::startMs, Utterance::endMs).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Channel.THEM, 200L, 3000L),
                    org.assertj.core.groups.Tuple.tuple(Channel.ME, 4000L, 34000L),
                    org.assertj.core.groups.Tuple.tuple(Channel.ME, 40000L, 70000L),
                    org.assertj.core.groups.Tuple.tuple(Channel.THEM, 80000L, 83000L),
                    org.assertj.core.groups.Tuple.tuple(Channel.ME, 85000L, 95000L));

            assertThat(d.questions()).hasSize(2);
            StoredQuestion q1 = d.questions().get(0);
            assertThat(q1.seq()).isEqualTo(1);
            assertThat(q1.category()).isEqualTo(Category.CACHING);
            assertThat(q1.templateId()).isEqualTo("caching.read-through");
            assertThat(q1.early()).isTrue();
            // decided on a partial: stored once, where the tracker said the speech began
            assertThat(q1.startMs()).isEqualTo(200);
            assertThat(d.questions().get(1).startMs()).isEqualTo(80000);

            assertThat(d.hints()).hasSize(2);
            StoredHint h1 = d.hintsFor(q1).get(0);
            assertThat(h1.source()).isEqualTo("template");
            assertThat(h1.hint().keyPoints()).isEqualTo(InterviewFixture.CACHE_KEY_POINTS);
            assertThat(h1.latencyMs()).contains(200L);
            assertThat(d.hintsFor(d.questions().get(1)).get(0).latencyMs()).contains(500L);
        }
    }

    @Test
    void everyDecisionAboutACardIsKeptWithItsReason() {
        try (SessionStore store = SessionStore.open(dir.resolve("cuecard.db"))) {
            long id = InterviewFixture.record(store);
            assertThat(store.decisions(id)).extracting(QuestionDecision::seq, QuestionDecision::reason).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(1, "stable_partials"),
                    org.assertj.core.groups.Tuple.tuple(2, "final"));
            SessionDetail d = store.load(id).orElseThrow();
            // a refinement overwrites the question row but adds a decision
            dev.cuecard.question.DetectedQuestion first = new dev.cuecard.question.DetectedQuestion(1, Channel.THEM,
                    new dev.cuecard.question.Classification("how would you design a cache", true, Category.CACHING,
                            java.util.Optional.empty(), 0.9, 0.8), 3000, 2900, false, true);
            store.recordQuestion(id, first, 0);
            assertThat(store.load(id).orElseThrow().questions()).hasSameSizeAs(d.questions());
            assertThat(store.decisions(id)).extracting(QuestionDecision::reason)
                    .containsExactly("stable_partials", "final", "stronger_final");
        }
    }

    @Test
    void aQuestionHeardInFullReplacesTheWordsItWasDecidedOnButNotItsCard() throws Exception {
        try (SessionStore store = SessionStore.open(dir.resolve("cuecard.db"));
             SessionRecorder recorder = SessionRecorder.start(store, new SessionInfo(SessionKind.LIVE, null, null, null,
                     null, null))) {
            dev.cuecard.question.Classification partial = new dev.cuecard.question.Classification(
                    "how would you design a rate", true, Category.SYSTEM_DESIGN, java.util.Optional.empty(), 0.9, 0.8);
            dev.cuecard.question.DetectedQuestion decided = new dev.cuecard.question.DetectedQuestion(1, Channel.THEM,
                    partial, 1500, 1400, true, false, dev.cuecard.question.DecisionReason.STABLE_PARTIALS, 200);
            recorder.onEvent(new PipelineEvent.Question(decided));
            dev.cuecard.question.DetectedQuestion whole = new dev.cuecard.question.DetectedQuestion(1, Channel.THEM,
                    new dev.cuecard.question.Classification("how would you design a rate limiter for an api", true,
                            Category.SYSTEM_DESIGN, java.util.Optional.empty(), 0.9, 0.8),
                    1500, 3100, true, false, dev.cuecard.question.DecisionReason.STABLE_PARTIALS, 150);
            recorder.onEvent(new PipelineEvent.QuestionHeard(whole, 3400));
            recorder.flush();
            StoredQuestion q = store.load(recorder.sessionId()).orElseThrow().questions().get(0);
            assertThat(q.text()).isEqualTo("how would you design a rate limiter for an api");
            assertThat(q.startMs()).isEqualTo(150);
            assertThat(q.endMs()).isEqualTo(3100);
            assertThat(q.early()).isTrue();
            assertThat(q.category()).isEqualTo(Category.SYSTEM_DESIGN);
            // the decision is remembered with the words it was taken on
            assertThat(store.decisions(recorder.sessionId())).singleElement()
                    .satisfies(d -> assertThat(d.reason()).isEqualTo("stable_partials"));
        }
    }

    @Test
    void eachUtteranceIsCommittedWhileTheSessionIsStillRecording() throws Exception {
        Path file = dir.resolve("cuecard.db");
        try (SessionStore store = SessionStore.open(file);
             SessionRecorder recorder = SessionRecorder.start(store, new SessionInfo(SessionKind.LIVE, null, null, null,
                     null, null))) {
            recorder.onEvent(InterviewFixture.transcript(Channel.THEM, 0, 2000, "what is a write ahead log"));
            recorder.flush();
            // another connection (as another process would) sees it committed
            try (SessionStore reader = SessionStore.open(file)) {
                SessionSummary s = reader.summary(recorder.sessionId()).orElseThrow();
                assertThat(s.status()).isEqualTo(SessionStatus.RECORDING);
                assertThat(s.utterances()).isEqualTo(1);
            }
        }
    }

    @Test
    void writesHappenOnOneNamedWriterThreadNotOnThePipelineThreads() throws Exception {
        Set<String> writers = ConcurrentHashMap.newKeySet();
        try (SessionStore store = SessionStore.open(dir.resolve("cuecard.db"));
             SessionRecorder recorder = SessionRecorder.start(store, new SessionInfo(SessionKind.LIVE, null, null, null,
                     null, null))) {
            // a listener that records the thread of each write: wrap the store's transaction via flush markers
            List<PipelineEvent> events = InterviewFixture.events();
            Thread a = dev.cuecard.pipeline.NamedThreadFactory.thread("test-them", () -> events.stream()
                    .filter(e -> e.channel() == Channel.THEM).forEach(recorder::onEvent));
            Thread b = dev.cuecard.pipeline.NamedThreadFactory.thread("test-me", () -> events.stream()
                    .filter(e -> e.channel() == Channel.ME).forEach(recorder::onEvent));
            a.start();
            b.start();
            a.join();
            b.join();
            recorder.flush();
            Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(n -> n.startsWith("cuecard-session-writer")).forEach(writers::add);
            assertThat(store.load(recorder.sessionId()).orElseThrow().utterances()).hasSize(5);
        }
        assertThat(writers).hasSize(1);
    }
}
