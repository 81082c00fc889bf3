package dev.cuecard.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.Channel;
import dev.cuecard.question.Category;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionDetail;
import dev.cuecard.session.SessionKind;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.Utterance;
import dev.cuecard.session.debrief.AnswerFeedbackRater;
import dev.cuecard.session.debrief.Debrief;
import dev.cuecard.session.debrief.DebriefBuilder;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A round stored in a real SQLite file: a practice session the debrief reads, scores that feed weak topics. */
class PracticeRoundTest {
    private static final TemplateLibrary TEMPLATES = TemplateLibrary.shipped();
    @TempDir
    Path dir;

    private static PracticeQuestion q(int n, String id) {
        return PracticeQuestion.of(n, TEMPLATES.get(id).orElseThrow());
    }

    @Test
    void aRoundIsStoredAsAPracticeSessionWithScoresAndReadBackAsHistory() {
        CalibrationSet.Item deadlock = item("deadlock");
        CalibrationSet.Item outbox = item("transactional-outbox");
        try (SessionStore store = SessionStore.open(dir.resolve("cuecard.db"))) {
            PracticeRound round = new PracticeRound(RoundSetup.screening(Seniority.MID),
                    List.of(q(1, "deadlock"), q(2, "transactional-outbox"), q(3, "cache-aside")), AnswerScorer.shipped(),
                    Optional.empty(), Optional.of(store));
            QuestionResult first = round.answer(Answer.typed(deadlock.strong()));
            // the second answer is spoken: two utterances, times relative to the recording
            round.answer(Answer.spoken(List.of(new Utterance(Channel.ME, 500, 6_000, outbox.weak()),
                    new Utterance(Channel.ME, 7_000, 9_000, "that is all"))));
            round.skip();
            assertThat(round.finished()).isTrue();
            assertThat(first.followUp()).isPresent();
            assertThat(first.followUpFromLlm()).isFalse();

            long id = round.sessionId().orElseThrow();
            PracticeReport report = round.finish(PracticeHistory.load(store, TEMPLATES, AnswerScorer.shipped()));

            SessionDetail detail = store.load(id).orElseThrow();
            assertThat(detail.session().kind()).isEqualTo(SessionKind.PRACTICE);
            assertThat(detail.questions()).extracting(x -> x.templateId())
                    .containsExactly("deadlock", "transactional-outbox", "cache-aside");
            Debrief debrief = new DebriefBuilder(AnswerFeedbackRater.shipped(), TEMPLATES).build(detail);
            assertThat(debrief.answers().get(0).answerText()).isEqualTo(deadlock.strong());
            assertThat(debrief.answers().get(1).answerText()).isEqualTo(outbox.weak() + " that is all");
            assertThat(debrief.answers().get(2).answer()).isEmpty();
            // the typed answer's times only place it on the timeline: the debrief measures no pace or length
            assertThat(debrief.answers().get(0).answer()).allMatch(Utterance::typed);
            assertThat(debrief.answers().get(0).metrics().typedOnly()).isTrue();
            assertThat(debrief.answers().get(0).length()).isEqualTo(dev.cuecard.session.debrief.AnswerLength.TYPED);
            assertThat(debrief.answers().get(0).metrics().wordsPerMinuteText()).isEqualTo("not measured (typed)");
            assertThat(debrief.answers().get(1).metrics().typedOnly()).isFalse();
            assertThat(debrief.answers().get(1).metrics().wordsPerMinute()).isPositive();
            // the session's pace is the spoken answer's alone
            assertThat(debrief.analytics().me().wordsPerMinute())
                    .isEqualTo(debrief.answers().get(1).metrics().wordsPerMinute());
            assertThat(new dev.cuecard.session.debrief.MarkdownExport(ZoneOffset.UTC).render(debrief))
                    .contains("(typed: ").contains("length and pace not measured");

            assertThat(store.scores()).hasSize(2).first().satisfies(s -> {
                assertThat(s.total()).isEqualTo(first.score().total());
                assertThat(s.followUp()).isEqualTo(first.followUp().orElseThrow());
                assertThat(ScoreJson.dimensions(s.breakdown())).hasSize(Dimension.values().length);
            });
            assertThat(report.history().weakest()).first().isEqualTo(Category.DISTRIBUTED_SYSTEMS);
            assertThat(report.weakestDimension()).isPresent();

            String md = PracticeMarkdown.render(report, ZoneOffset.UTC);
            assertThat(md).contains("## 1. What is a deadlock and how do you prevent it?")
                    .contains("**Model answer outline**")
                    .contains(TEMPLATES.get("deadlock").orElseThrow().card().gist())
                    .contains("_Skipped._")
                    .contains("## Progress per category")
                    .contains("| Distributed systems |")
                    .contains("over 2 answered question(s), 1 skipped");
            // the skipped question is no answer, not a zero in the average
            assertThat(report.skipped()).isEqualTo(1);
            assertThat(report.average()).isCloseTo(report.answered().stream().mapToDouble(r -> r.score().total())
                    .sum() / 2, org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void liveSessionAnswersCountTowardsWeakTopics() {
        try (SessionStore store = SessionStore.open(dir.resolve("cuecard.db"))) {
            long live = store.startSession(new dev.cuecard.session.SessionInfo(SessionKind.LIVE, "call", null, null, null, null));
            var c = new dev.cuecard.question.Classification("how do database indexes work", true, Category.DATABASES,
                    TEMPLATES.get("database-indexes"), 0.9, 1);
            store.recordQuestion(live, new dev.cuecard.question.DetectedQuestion(1, Channel.THEM, c, 2000, 2000, false, false), 0);
            store.appendUtterance(live, new Utterance(Channel.ME, 3000, 6000, "um indexes make it faster"));
            store.finishSession(live);
            PracticeHistory h = PracticeHistory.load(store, TEMPLATES, AnswerScorer.shipped());
            assertThat(h.entries()).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(SessionKind.LIVE);
                assertThat(e.templateId()).isEqualTo("database-indexes");
                assertThat(e.total()).isLessThan(3);
            });
        }
    }

    @Test
    void aQuestionSkippedWhileItsAnswerIsReviewedIsNotAnsweredTwice() throws Exception {
        java.util.concurrent.CountDownLatch reviewing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch mayFinish = new java.util.concurrent.CountDownLatch(1);
        AnswerReviewer slowLlm = (question, answer, score) -> {
            reviewing.countDown();
            try {
                mayFinish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ReviewOutcome.Failed("LLM timed out");
        };
        try (SessionStore store = SessionStore.open(dir.resolve("cuecard.db"))) {
            PracticeRound round = new PracticeRound(RoundSetup.screening(Seniority.MID),
                    List.of(q(1, "deadlock"), q(2, "transactional-outbox")), AnswerScorer.shipped(),
                    Optional.of(slowLlm), Optional.of(store));
            java.util.concurrent.CompletableFuture<QuestionResult> answering = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> round.answer(Answer.typed(item("deadlock").strong())));
            assertThat(reviewing.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            round.skip(); // question 1, while its answer is still with the reviewer
            mayFinish.countDown();

            assertThat(answering).failsWithin(java.time.Duration.ofSeconds(10))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCauseInstanceOf(IllegalStateException.class);
            assertThat(round.results()).singleElement().satisfies(r -> {
                assertThat(r.question().number()).isEqualTo(1);
                assertThat(r.answer().wordCount()).isZero();
            });
            assertThat(round.current().number()).isEqualTo(2);
            assertThat(store.scores()).isEmpty();
        }
    }

    private static CalibrationSet.Item item(String id) {
        return CalibrationSet.load().items().stream().filter(i -> i.template().equals(id)).findFirst().orElseThrow();
    }
}
