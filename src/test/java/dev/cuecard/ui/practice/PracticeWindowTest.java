package dev.cuecard.ui.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.WavFileSource;
import dev.cuecard.practice.AnswerScorer;
import dev.cuecard.practice.RoundSetup;
import dev.cuecard.practice.RoundType;
import dev.cuecard.practice.Seniority;
import dev.cuecard.question.Category;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionKind;
import dev.cuecard.session.SessionStore;
import dev.cuecard.testing.SpeechFixtures;
import dev.cuecard.ui.FxTaskExecutor;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A whole practice round in the real window: a typed answer, a spoken (WAV) answer, the report. */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class PracticeWindowTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aRoundScoresTypedAndSpokenAnswersAndEndsWithAReport() throws Exception {
        SessionStore store = SessionStore.open(dir.resolve("cuecard.db"));
        PracticeViewModel vm = new PracticeViewModel(TemplateLibrary.shipped(), AnswerScorer.shipped(), Optional.empty(),
                Optional.of(store), SpeechFixtures::model, new FxTaskExecutor(Platform::runLater));
        PracticeWindow[] window = new PracticeWindow[1];
        FxToolkit.setupFixture(() -> {
            window[0] = new PracticeWindow(vm);
            window[0].show(null);
            vm.start(new RoundSetup(RoundType.DRILL, Seniority.MID, Optional.of(Category.SYSTEM_DESIGN), Optional.empty(),
                    "", "", false, 2), 7);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.progressProperty().get().startsWith("Question 1 of 2"));
        assertThat(vm.questionProperty().get()).isNotBlank();

        FxToolkit.setupFixture(() -> {
            vm.answerTextProperty().set("I would start with the requirements and an estimate of about ten thousand "
                    + "requests per second, then a load balancer, stateless services, a cache in front of the database "
                    + "and a queue for slow work. The trade-off is consistency against latency, so I would measure p99.");
            vm.submitTyped();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.answeredProperty().get());
        assertThat(vm.totalProperty().get()).matches("\\d+\\.\\d / 10");
        assertThat(vm.breakdown()).anySatisfy(l -> assertThat(l).startsWith("coverage"));
        assertThat(vm.followUpProperty().get()).startsWith("Follow-up");

        FxToolkit.setupFixture(vm::next);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.progressProperty().get().startsWith("Question 2 of 2"));
        Path wav = Path.of(PracticeWindowTest.class.getResource("/practice/rate-limiter.mediocre.wav").toURI());
        FxToolkit.setupFixture(() -> vm.submitSpoken(() -> {
            try {
                return new WavFileSource(wav, Double.POSITIVE_INFINITY);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.finishedProperty().get());
        assertThat(vm.answerTextProperty().get()).isNotBlank(); // the recognised words are shown
        assertThat(vm.reportProperty().get()).contains("10");
        assertThat(store.list()).anySatisfy(s -> assertThat(s.kind()).isEqualTo(SessionKind.PRACTICE));
        FxToolkit.setupFixture(() -> window[0].stage().close());
        store.close();
    }

    @Test
    void nextWhileAnAnswerIsBeingScoredWaitsForTheScore() throws Exception {
        SessionStore store = SessionStore.open(dir.resolve("next.db"));
        PracticeViewModel vm = new PracticeViewModel(TemplateLibrary.shipped(), AnswerScorer.shipped(), Optional.empty(),
                Optional.of(store), SpeechFixtures::model, new FxTaskExecutor(Platform::runLater));
        PracticeWindow[] window = new PracticeWindow[1];
        FxToolkit.setupFixture(() -> {
            window[0] = new PracticeWindow(vm);
            window[0].show(null);
            vm.start(new RoundSetup(RoundType.DRILL, Seniority.MID, Optional.of(Category.CONCURRENCY), Optional.empty(),
                    "", "", false, 2), 11);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.progressProperty().get().startsWith("Question 1 of 2"));
        String first = vm.questionProperty().get();
        // the spoken answer is still being recognised and scored while the user presses Next
        java.util.concurrent.CountDownLatch recordingEnds = new java.util.concurrent.CountDownLatch(1);
        Path wav = Path.of(PracticeWindowTest.class.getResource("/practice/rate-limiter.mediocre.wav").toURI());
        FxToolkit.setupFixture(() -> vm.submitSpoken(() -> {
            try {
                recordingEnds.await();
                return new WavFileSource(wav, Double.POSITIVE_INFINITY);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        javafx.scene.control.Button next = new org.testfx.api.FxRobot().lookup(".button")
                .match(n -> n instanceof javafx.scene.control.Button b && b.getText().equals("Next question"))
                .queryButton();
        assertThat(next.isDisabled()).isTrue();
        FxToolkit.setupFixture(vm::next);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.progressProperty().get()).startsWith("Question 1 of 2");
        assertThat(vm.questionProperty().get()).isEqualTo(first);

        recordingEnds.countDown();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.answeredProperty().get());
        assertThat(vm.progressProperty().get()).startsWith("Question 1 of 2");
        assertThat(vm.totalProperty().get()).matches("\\d+\\.\\d / 10");
        assertThat(next.isDisabled()).isFalse();
        FxToolkit.setupFixture(vm::next);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.progressProperty().get().startsWith("Question 2 of 2"));
        assertThat(store.scores()).singleElement().satisfies(s -> assertThat(s.question()).isEqualTo(first));
        FxToolkit.setupFixture(() -> window[0].stage().close());
        store.close();
    }
}
