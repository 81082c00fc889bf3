package dev.cuecard.ui.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuecard.cli.Cli;
import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.debrief.AnswerFeedbackRater;
import dev.cuecard.session.debrief.AnswerReview;
import dev.cuecard.session.debrief.DebriefBuilder;
import dev.cuecard.session.debrief.KeyPointCoverage;
import dev.cuecard.testing.DataFolderProperty;
import dev.cuecard.testing.LongInterviewFixture;
import dev.cuecard.ui.CurrentThreadTaskExecutor;
import dev.cuecard.ui.TaskExecutor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * QA: the debrief window ticked key points by their words while {@code cuecard debrief show} judged
 * them by meaning, so the same stored session showed different ticks. The window's key points are
 * now those of the CLI — here on stored answers where words and meaning disagree — and, until they
 * are judged in the background, it says so instead of showing ticks.
 */
class DebriefKeyPointsTest {
    private static final int QUESTIONS = 12;

    @TempDir
    Path home;
    @RegisterExtension
    final DataFolderProperty dataFolder = new DataFolderProperty(() -> home);

    /** Holds what is submitted to it until {@link #runAll}: the key points are judged "later". */
    private static final class Later implements TaskExecutor {
        private final List<Runnable> queued = new ArrayList<>();
        final List<Future<?>> submitted = new ArrayList<>();
        private final CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();

        @Override
        public <T> Future<T> submit(Callable<T> work, Consumer<? super T> onDone, Consumer<? super Throwable> onFailed) {
            java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
            submitted.add(f);
            queued.add(() -> {
                if (!f.isCancelled()) {
                    now.submit(work, onDone, onFailed);
                }
            });
            return f;
        }

        void runAll() {
            List<Runnable> q = new ArrayList<>(queued);
            queued.clear();
            q.forEach(Runnable::run);
        }

        @Override
        public TaskExecutor serial(String role) {
            return this;
        }

        @Override
        public boolean shutdown(java.time.Duration timeout) {
            return true;
        }
    }

    @Test
    void theWindowShowsTheKeyPointsTheCliShowsAndSaysWhileTheyAreJudged() throws Exception {
        TemplateLibrary templates = TemplateLibrary.shipped();
        long id;
        try (SessionStore store = SessionStore.open(home.resolve(SessionStore.FILE_NAME))) {
            id = LongInterviewFixture.record(store, templates, QUESTIONS);
        }

        // what `cuecard debrief show ID --json` says
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("debrief", "show",
                String.valueOf(id), "--json");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).as("judged by meaning").doesNotContain(AnswerFeedbackRater.WORDS_ONLY);
        List<Map<String, Boolean>> cli = new ArrayList<>();
        for (JsonNode q : new ObjectMapper().readTree(out.toString()).get("questions")) {
            Map<String, Boolean> points = new LinkedHashMap<>();
            q.get("feedback").get("keyPoints").forEach(k -> points.put(k.get("keyPoint").asText(), k.get("covered").asBoolean()));
            cli.add(points);
        }
        assertThat(cli).hasSize(QUESTIONS);

        try (SessionStore store = SessionStore.open(home.resolve(SessionStore.FILE_NAME))) {
            Later judging = new Later();
            // as the app builds it
            SessionBrowserModel browser = SessionBrowserModel.loaded(store, DebriefBuilder.byMeaning(templates),
                    new CurrentThreadTaskExecutor(), judging, OptionalLong.of(id));
            DebriefViewModel vm = browser.openedProperty().get();
            assertThat(vm.judgedProperty().get()).isFalse();
            AnswerItem first = vm.answers().get(0);
            assertThat(first.keyPoints()).isEmpty();
            assertThat(first.feedbackText()).contains(AnswerItem.JUDGING).doesNotContain("✓", "✗")
                    .contains("Structure (");

            judging.runAll();
            assertThat(vm.judgedProperty().get()).isTrue();
            assertThat(vm.statusProperty().get()).doesNotContainIgnoringCase(AnswerFeedbackRater.WORDS_ONLY);
            List<Map<String, Boolean>> window = vm.answers().stream().map(a -> a.keyPoints().orElseThrow()).toList();
            assertThat(window).isEqualTo(cli);
            assertThat(first.feedbackText()).doesNotContain(AnswerItem.JUDGING).contains("Key points covered: ");

            // the answers where judging by words — what the window did — ticks other points than the CLI
            AnswerFeedbackRater words = new AnswerFeedbackRater(AsrVocabulary.shipped());
            int disagree = 0;
            for (int i = 0; i < QUESTIONS; i++) {
                AnswerReview r = vm.answers().get(i).review();
                List<String> points = new ArrayList<>(cli.get(i).keySet());
                Map<String, Boolean> byWords = new LinkedHashMap<>();
                for (KeyPointCoverage k : words.rate(r.answerText(), r.question().category(), points).keyPoints()) {
                    byWords.put(k.keyPoint(), k.covered());
                }
                if (!byWords.equals(cli.get(i))) {
                    disagree++;
                }
            }
            assertThat(disagree).as("answers where words and meaning disagree").isPositive();
        }
    }

    @Test
    void openingAnotherSessionStopsJudgingTheOneItReplaces() {
        TemplateLibrary templates = TemplateLibrary.shipped();
        try (SessionStore store = SessionStore.open(home.resolve(SessionStore.FILE_NAME))) {
            long first = LongInterviewFixture.record(store, templates, 2);
            long second = LongInterviewFixture.record(store, templates, 3);
            Later judging = new Later();
            SessionBrowserModel browser = SessionBrowserModel.loaded(store, DebriefBuilder.byMeaning(templates),
                    new CurrentThreadTaskExecutor(), judging, OptionalLong.of(first));
            assertThat(judging.submitted).hasSize(1);
            browser.open(second);
            assertThat(judging.submitted).hasSize(2);
            assertThat(judging.submitted.get(0).isCancelled()).as("the replaced debrief's judging").isTrue();
            judging.runAll();
            DebriefViewModel shown = browser.openedProperty().get();
            assertThat(shown.sessionId()).isEqualTo(second);
            assertThat(shown.judgedProperty().get()).isTrue();
        }
    }

    @Test
    void withoutTheSentenceModelBothSayTheKeyPointsWereJudgedByWords() throws Exception {
        try (SessionStore store = SessionStore.open(home.resolve(SessionStore.FILE_NAME))) {
            long id = LongInterviewFixture.record(store, TemplateLibrary.shipped(), 2);
            // a builder whose rater has no model: what wordsOnly() reports when it cannot load
            DebriefBuilder words = new DebriefBuilder(new AnswerFeedbackRater(AsrVocabulary.shipped()),
                    TemplateLibrary.shipped());
            SessionBrowserModel browser = SessionBrowserModel.loaded(store, words, new CurrentThreadTaskExecutor(),
                    OptionalLong.of(id));
            DebriefViewModel vm = browser.openedProperty().get();
            assertThat(vm.judgedProperty().get()).isTrue();
            assertThat(vm.statusProperty().get()).isEqualToIgnoringCase(AnswerFeedbackRater.WORDS_ONLY);
        }
    }
}
