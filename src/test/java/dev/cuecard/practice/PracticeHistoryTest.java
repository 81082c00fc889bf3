package dev.cuecard.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.Channel;
import dev.cuecard.config.AppPaths;
import dev.cuecard.coverage.SemanticCoverage;
import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.SemanticMatcher;
import dev.cuecard.question.SentenceEmbedder;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.question.DetectedQuestion;
import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionInfo;
import dev.cuecard.session.SessionKind;
import dev.cuecard.session.SessionRecorder;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.SessionSummary;
import dev.cuecard.session.debrief.AnswerFeedbackRater;
import dev.cuecard.session.debrief.AnswerLength;
import dev.cuecard.session.debrief.AnswerReview;
import dev.cuecard.session.debrief.Debrief;
import dev.cuecard.session.debrief.DebriefBuilder;
import dev.cuecard.testing.CountingEmbedder;
import dev.cuecard.testing.DataFolderProperty;
import dev.cuecard.testing.InterviewFixture;
import dev.cuecard.testing.LongInterviewFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The history a plan reads: stored practice scores, and live answers scored again on load — within a budget. */
class PracticeHistoryTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final DataFolderProperty home = new DataFolderProperty(() -> dir);

    @Test
    void longInterviewsAreScoredNewestAnswersFirstUpToABudget() {
        Template cache = InterviewFixture.cacheTemplate();
        try (SessionStore store = SessionStore.open(dir.resolve("cuecard.db"))) {
            int sessions = 20;
            int perSession = 8; // 160 answers: more than the budget, in fewer sessions than the session limit
            for (int s = 0; s < sessions; s++) {
                try (SessionRecorder r = SessionRecorder.start(store, new SessionInfo(SessionKind.REPLAY, "long " + s,
                        "them.wav", "me.wav", "m", null))) {
                    interview(cache, perSession).forEach(r::onEvent);
                }
            }
            PracticeHistory h = PracticeHistory.load(store, TemplateLibrary.of(List.of(cache)), AnswerScorer.lexical());
            assertThat(sessions).isLessThanOrEqualTo(PracticeHistory.LIVE_SESSIONS);
            assertThat(h.entries()).hasSize(PracticeHistory.LIVE_ANSWERS)
                    .allSatisfy(e -> assertThat(e.templateId()).isEqualTo(cache.id()));
        }
    }

    /**
     * Live answers are judged a session at a time and what was measured by meaning is kept: the
     * entries (category, template, total) are exactly those of each answer scored on its own, the
     * second load embeds nothing, the cache holds no text, and forgetting the kept numbers (what
     * {@code debrief delete} does, CLI and window) removes them.
     */
    @Test
    void aSecondLoadScoresTheSameWithoutEmbeddingAndDeleteForgetsWhatWasKept() throws Exception {
        SentenceEmbedder model = SemanticMatcher.sharedEmbedder(AppPaths.fromEnvironment().cacheDir());
        TemplateLibrary templates = TemplateLibrary.shipped();
        // where the shipped scorer keeps its numbers, and what debrief delete clears
        Path kept = dir.resolve("cache").resolve("coverage");
        try (SessionStore store = SessionStore.open(dir.resolve("cuecard.db"))) {
            LongInterviewFixture.record(store, templates, 6);
            LongInterviewFixture.record(store, templates, 8);
            List<PracticeHistory.Entry> alone = scoredOneByOne(store, templates, scorer(model, null));
            assertThat(alone).hasSizeGreaterThan(10);
            assertThat(alone.stream().map(PracticeHistory.Entry::total).distinct()).hasSizeGreaterThan(5);

            CountingEmbedder first = new CountingEmbedder(model);
            List<PracticeHistory.Entry> firstLoad = PracticeHistory.load(store, templates, scorer(first, kept)).entries();
            assertThat(firstLoad).isEqualTo(alone);
            assertThat(first.calls()).isGreaterThan(alone.size() * 10);

            CountingEmbedder second = new CountingEmbedder(model);
            assertThat(PracticeHistory.load(store, templates, scorer(second, kept)).entries()).isEqualTo(alone);
            assertThat(second.calls()).as("windows embedded for the second load").isZero();
            List<Path> files;
            try (Stream<Path> f = Files.list(kept)) {
                files = f.toList();
            }
            assertThat(files).as("one file per session's answers").hasSize(2);
            String answer = LongInterviewFixture.exchanges(templates).get(0).answer();
            String someWords = String.join(" ", List.of(answer.split(" ")).subList(0, 3));
            for (Path f : files) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).doesNotContain(someWords);
            }

            SemanticCoverage.forgetKept();
            try (Stream<Path> f = Files.list(kept)) {
                assertThat(f.filter(p -> p.toString().endsWith(".bin"))).isEmpty();
            }
            CountingEmbedder afterDelete = new CountingEmbedder(model);
            assertThat(PracticeHistory.load(store, templates, scorer(afterDelete, kept)).entries()).isEqualTo(alone);
            assertThat(afterDelete.calls()).isPositive();
        }
    }

    /**
     * A new interview moves the budget's cut within an older session: that session's kept numbers are
     * still found (its answers are judged in blocks counted from its last answer), so only the new
     * interview's answers are embedded, and the entries are still those of each answer scored alone.
     */
    @Test
    void aNewInterviewEmbedsOnlyItsOwnAnswers() throws Exception {
        SentenceEmbedder model = SemanticMatcher.sharedEmbedder(AppPaths.fromEnvironment().cacheDir());
        TemplateLibrary templates = TemplateLibrary.shipped();
        Path kept = dir.resolve("kept");
        int budget = 10;
        int block = 4;
        long newOnly;
        try (SessionStore alone = SessionStore.open(dir.resolve("new-only.db"))) {
            LongInterviewFixture.record(alone, templates, 3);
            CountingEmbedder c = new CountingEmbedder(model);
            assertThat(PracticeHistory.load(alone, templates, scorer(c, null), budget, block).entries()).hasSize(3);
            newOnly = c.calls();
        }
        try (SessionStore store = SessionStore.open(dir.resolve("cuecard.db"))) {
            LongInterviewFixture.record(store, templates, 8);
            LongInterviewFixture.record(store, templates, 6);
            // 6 answers of the newest session, the latest 4 of the one before
            assertThat(PracticeHistory.load(store, templates, scorer(new CountingEmbedder(model), kept), budget, block)
                    .entries()).hasSize(budget);

            LongInterviewFixture.record(store, templates, 3);
            // now 3 + 6 + the latest 1 of the oldest
            CountingEmbedder after = new CountingEmbedder(model);
            List<PracticeHistory.Entry> entries = PracticeHistory.load(store, templates, scorer(after, kept), budget, block)
                    .entries();
            assertThat(entries).isEqualTo(scoredOneByOne(store, templates, scorer(model, null), budget));
            assertThat(after.calls()).as("windows embedded after a 3-answer interview").isEqualTo(newOnly);
        }
    }

    private static AnswerScorer scorer(SentenceEmbedder e, Path kept) {
        return new AnswerScorer(AsrVocabulary.shipped(), new AnswerFeedbackRater(
                new SemanticCoverage(e, AsrVocabulary.shipped(), SemanticCoverage.Params.DEFAULT, kept)));
    }

    /** The history as load made it before anything was kept: every live answer scored on its own (all fit the budget here). */
    private static List<PracticeHistory.Entry> scoredOneByOne(SessionStore store, TemplateLibrary templates,
                                                              AnswerScorer scorer) {
        return scoredOneByOne(store, templates, scorer, Integer.MAX_VALUE);
    }

    /** As before, the newest {@code budget} live answers (fewer sessions here than the session limit). */
    private static List<PracticeHistory.Entry> scoredOneByOne(SessionStore store, TemplateLibrary templates,
                                                              AnswerScorer scorer, int budget) {
        DebriefBuilder debriefs = new DebriefBuilder(AnswerFeedbackRater.shipped(), templates);
        List<PracticeHistory.Entry> out = new ArrayList<>();
        for (SessionSummary s : store.list()) {
            Debrief d = store.load(s.id()).map(debriefs::build).orElseThrow();
            for (int i = d.answers().size() - 1; i >= 0 && out.size() < budget; i--) {
                AnswerReview a = d.answers().get(i);
                Optional<Template> t = Optional.ofNullable(a.question().templateId()).flatMap(templates::get);
                if (t.isPresent() && a.length() != AnswerLength.NO_ANSWER) {
                    out.add(new PracticeHistory.Entry(t.get().category(), t.get().id(),
                            scorer.score(t.get(), Answer.spoken(a.answer())).total(), s.startedAt(), s.kind()));
                }
            }
        }
        out.sort(Comparator.comparing(PracticeHistory.Entry::at));
        return out;
    }
    /** Questions on one template, each answered for 40 s. */
    private static List<PipelineEvent> interview(Template t, int questions) {
        List<PipelineEvent> e = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            long at = i * 60_000L;
            String q = "how would you design a cache for a product catalog number " + i;
            e.add(InterviewFixture.transcript(Channel.THEM, at, at + 3_000, q));
            e.add(new PipelineEvent.Question(new DetectedQuestion(i + 1, Channel.THEM, InterviewFixture.classification(q, t),
                    at + 3_500, at + 3_000, false, false).startingAt(at)));
            e.add(new PipelineEvent.HintReady(i + 1, InterviewFixture.hint(q, t), Channel.THEM, at + 3_500));
            e.add(InterviewFixture.transcript(Channel.ME, at + 5_000, at + 45_000, InterviewFixture.A1_PART1));
        }
        return e;
    }
}
