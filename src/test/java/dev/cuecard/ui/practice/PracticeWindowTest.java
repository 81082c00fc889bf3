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
import dev.cuecard.ui.MarkdownView;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
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
        PracticeViewModel vm = viewModel(Optional.of(store));
        PracticeWindow[] window = {showingADrill(vm)};
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
        assertThat(vm.breakdown()).anySatisfy(r -> assertThat(r.dimension()).isEqualTo("Coverage"));
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
    void controlsFollowTheRoundAndTheAverageCountsOnlyAnsweredQuestions() throws Exception {
        SessionStore store = SessionStore.open(dir.resolve("average.db"));
        PracticeViewModel vm = viewModel(Optional.of(store));
        PracticeWindow[] window = new PracticeWindow[1];
        FxToolkit.setupFixture(() -> {
            window[0] = new PracticeWindow(vm);
            window[0].show(null);
        });
        javafx.scene.Scene scene = window[0].stage().getScene();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup("#score") != null); // a frame after showing
        // before a round nothing but Start can act
        assertThat(scene.lookup("#score").isDisabled()).isTrue();
        assertThat(scene.lookup("#next").isDisabled()).isTrue();
        assertThat(scene.lookup("#record").isDisabled()).isTrue();
        assertThat(scene.lookup("#answer").isDisabled()).isTrue();
        assertThat(scene.lookup("#start-round").isDisabled()).isFalse();
        assertThat(window[0].progressChart().getData()).as("no history yet").isEmpty();
        javafx.scene.control.Button next = (javafx.scene.control.Button) scene.lookup("#next");

        FxToolkit.setupFixture(() -> vm.start(new RoundSetup(RoundType.DRILL, Seniority.MID, Optional.of(Category.SYSTEM_DESIGN),
                Optional.empty(), "", "", false, 2), 7));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.progressProperty().get().startsWith("Question 1 of 2"));
        assertThat(vm.progressProperty().get()).endsWith("System design");
        assertThat(scene.lookup("#score").isDisabled()).as("nothing typed yet").isTrue();
        assertThat(next.isDisabled()).isFalse();
        assertThat(next.getText()).isEqualTo("Skip question");

        FxToolkit.setupFixture(vm::next); // skipped: not a zero
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.progressProperty().get().startsWith("Question 2 of 2"));
        assertThat(vm.roundAverageProperty().get()).isEqualTo("Round so far: nothing answered · 1 skipped");
        FxToolkit.setupFixture(() -> vm.answerTextProperty().set("I would put a token bucket per client in Redis, "
                + "because it allows short bursts while holding the average rate, for example 100 requests per second. "
                + "The trade-off is an extra network hop on every request, so I would measure p99 latency."));
        assertThat(scene.lookup("#score").isDisabled()).isFalse();
        FxToolkit.setupFixture(vm::submitTyped);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.finishedProperty().get());
        double total = Double.parseDouble(vm.totalProperty().get().replace(" / 10", ""));
        assertThat(total).isPositive();
        assertThat(vm.roundAverageValue().getAsDouble()).as("over the answered question only")
                .isCloseTo(total, org.assertj.core.api.Assertions.within(0.051));
        assertThat(vm.roundAverageProperty().get()).isEqualTo(String.format(java.util.Locale.ROOT,
                "Round so far: %.1f / 10 over 1 answered · 1 skipped", total));
        // the last score stays on screen; the report is one click away
        assertThat(window[0].tabs().getSelectionModel().getSelectedIndex()).isZero();
        assertThat(next.getText()).isEqualTo("See the report");
        assertThat(((javafx.scene.control.Label) scene.lookup("#total")).getText()).isEqualTo(vm.totalProperty().get());
        // the progress chart now includes this round (the history is read again when a round ends)
        assertThat(window[0].progressChart().getData()).extracting(javafx.scene.chart.XYChart.Series::getName)
                .contains("System design");

        FxToolkit.setupFixture(next::fire);
        assertThat(window[0].tabs().getSelectionModel().getSelectedIndex()).isEqualTo(1);
        // the report is built in the background and attached a few blocks per frame
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, window[0].reportView().completeProperty());
        String report = WaitForAsyncUtils.asyncFx(() -> window[0].reportView().plainText()).get(10, TimeUnit.SECONDS);
        assertThat(report).contains(String.format(java.util.Locale.ROOT,
                "Average score: %.1f / 10 over 1 answered question(s), 1 skipped", total));
        assertThat(report).contains("Skipped.").doesNotContain("**").doesNotContain("| ").doesNotContain("# ");
        FxToolkit.setupFixture(() -> window[0].stage().close());
        store.close();
    }

    /** As in the app's dialogs (QA walkthrough: Escape did nothing here); mid-round, typing an answer. */
    @Test
    void escapeClosesTheWindowMidRound() throws Exception {
        PracticeViewModel vm = viewModel(Optional.empty());
        PracticeWindow[] window = {showingADrill(vm)};
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.progressProperty().get().startsWith("Question 1 of 2"));
            FxRobot robot = new FxRobot();
            javafx.scene.Parent root = window[0].stage().getScene().getRoot();
            // an open list closes first
            javafx.scene.control.ComboBox<?> level = robot.from(root).lookup(".combo-box").nth(1).queryAs(
                    javafx.scene.control.ComboBox.class);
            robot.clickOn(level);
            assertThat(level.isShowing()).isTrue();
            robot.type(KeyCode.ESCAPE);
            assertThat(level.isShowing()).isFalse();
            assertThat(window[0].stage().isShowing()).isTrue();
            robot.clickOn(robot.from(root).lookup("#answer").queryAs(Node.class)).write("I would");
            robot.type(KeyCode.ESCAPE);
            assertThat(window[0].stage().isShowing()).isFalse();
        } finally {
            FxToolkit.setupFixture(() -> window[0].stage().close());
        }
    }

    @Test
    void tabLeavesTheAnswerBoxForTheButtonsWithoutTypingATab() throws Exception {
        PracticeViewModel vm = viewModel(Optional.empty());
        PracticeWindow[] window = {showingADrill(vm)};
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.progressProperty().get().startsWith("Question 1 of 2"));
            FxRobot robot = new FxRobot();
            javafx.scene.Parent root = window[0].stage().getScene().getRoot();
            javafx.scene.control.TextArea answer = robot.from(root).lookup("#answer")
                    .queryAs(javafx.scene.control.TextArea.class);
            robot.clickOn(answer).write("I would");
            // Tab typed a tab into the answer and kept the focus there: the buttons were out of the keyboard's reach
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(answer.getText()).isEqualTo("I would");
            assertThat(answer.isFocused()).isFalse();
        } finally {
            FxToolkit.setupFixture(() -> window[0].stage().close());
        }
    }

    /**
     * The report tab is styled when first opened, its chart a frame after the report (all at once was
     * the practice window's longest frame on opening), and both are there once it is.
     */
    @Test
    void theReportTabJoinsWhenFirstOpenedAndItsChartAFrameLater() throws Exception {
        PracticeViewModel vm = viewModel(Optional.empty());
        PracticeWindow[] window = new PracticeWindow[1];
        FxToolkit.setupFixture(() -> {
            window[0] = new PracticeWindow(vm);
            window[0].show(null);
        });
        try {
            javafx.scene.control.Tab report = window[0].tabs().getTabs().get(1);
            assertThat(report.getContent()).as("the unopened report tab").isNull();
            FxToolkit.setupFixture(() -> window[0].tabs().getSelectionModel().select(report));
            assertThat(report.getContent()).isNotNull();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window[0].progressChart().getScene() != null);
            assertThat(window[0].reportView().getScene()).isSameAs(window[0].stage().getScene());
        } finally {
            FxToolkit.setupFixture(() -> window[0].stage().close());
        }
    }

    /**
     * A round's report is parsed and built off the FX thread, then attached a few blocks per frame, the
     * top first: all in the report property's listener was one frame of 43-50 ms of FX work.
     */
    @Test
    void aLongReportIsBuiltInTheBackgroundAndJoinsAFewBlocksPerFrame() throws Exception {
        StringBuilder md = new StringBuilder("# Practice round\n\nAverage score: **6.0 / 10**\n");
        for (int q = 1; q <= 6; q++) {
            md.append("\n## ").append(q).append(". Question ").append(q).append("\n\n**Score 6.0 / 10**\n\n")
                    .append("| dimension | score | finding | suggestion |\n|---|---|---|---|\n");
            for (int d = 0; d < 6; d++) {
                md.append("| Coverage | 6.0 | a finding that wraps over a few words | a suggestion that wraps too |\n");
            }
            md.append("\n**Your answer**\n\n> I would start with the requirements.\n\n1. first\n2. second\n");
        }
        md.append("\nThe last line of the report.\n");
        PracticeViewModel vm = viewModel(Optional.empty());
        PracticeWindow[] window = new PracticeWindow[1];
        FxToolkit.setupFixture(() -> {
            window[0] = new PracticeWindow(vm);
            window[0].show(null);
            window[0].tabs().getSelectionModel().select(1);
        });
        try {
            MarkdownView view = window[0].reportView();
            java.util.List<Integer> blocksPerFrame = new java.util.concurrent.CopyOnWriteArrayList<>();
            String[] inTheListener = new String[1];
            FxToolkit.setupFixture(() -> {
                window[0].stage().getScene().addPostLayoutPulseListener(() -> blocksPerFrame.add(view.getChildren().size()));
                vm.reportProperty().set(md.toString());
                inTheListener[0] = view.plainText();
            });
            assertThat(inTheListener[0]).as("not parsed and built on the FX thread").doesNotContain("Question 1");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                    () -> view.plainText().contains("The last line of the report.")).get());
            int blocks = WaitForAsyncUtils.asyncFx(() -> view.getChildren().size()).get();
            java.util.List<Integer> partial = blocksPerFrame.stream().filter(n -> n > 1 && n < blocks).distinct().toList();
            assertThat(partial).as("frames laid out with part of the report").hasSizeGreaterThan(2);
            String top = WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.text.TextFlow) view.getChildren().get(0))
                    .getChildren().stream().map(n -> ((javafx.scene.text.Text) n).getText()).reduce("", String::concat)).get();
            assertThat(top).isEqualTo("Practice round");
        } finally {
            FxToolkit.setupFixture(() -> window[0].stage().close());
        }
    }

    @Test
    void aRoundLeftMidwayIsStoredAsEndedNotStillRecording() throws Exception {
        SessionStore store = SessionStore.open(dir.resolve("left.db"));
        PracticeViewModel vm = viewModel(Optional.of(store));
        PracticeWindow[] window = {showingADrill(vm)};
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.progressProperty().get().startsWith("Question 1 of 2"));
            FxToolkit.setupFixture(() -> {
                vm.answerTextProperty().set("I would put a load balancer in front of stateless services and cache reads.");
                vm.submitTyped();
            });
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.answeredProperty().get());
            assertThat(store.list()).singleElement().satisfies(s -> assertThat(s.status())
                    .isEqualTo(dev.cuecard.session.SessionStatus.RECORDING));
            // the window closed with one question still to go (Escape, the close button)
            FxToolkit.setupFixture(() -> window[0].stage().close());
            // the debrief listed it as "still recording" for as long as the app ran
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> store.list().get(0).status()
                    == dev.cuecard.session.SessionStatus.COMPLETE);
        } finally {
            FxToolkit.setupFixture(() -> window[0].stage().close());
            store.close();
        }
    }

    @Test
    void labelsAreWordsNotEnumNames() throws Exception {
        PracticeViewModel vm = viewModel(Optional.empty());
        PracticeWindow[] window = new PracticeWindow[1];
        String before = javafx.application.Application.getUserAgentStylesheet();
        FxToolkit.setupFixture(() -> {
            // the app's theme (DesktopApp): its paddings decide what fits
            javafx.application.Application.setUserAgentStylesheet(
                    new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
            window[0] = new PracticeWindow(vm);
            window[0].show(null);
        });
        try {
            labelsAndTheStartButton(window[0]);
        } finally {
            FxToolkit.setupFixture(() -> {
                window[0].stage().close();
                javafx.application.Application.setUserAgentStylesheet(before);
            });
        }
    }

    private static void labelsAndTheStartButton(PracticeWindow w) throws Exception {
        PracticeWindow[] window = {w};
        java.util.List<String> shown = window[0].stage().getScene().getRoot().lookupAll(".combo-box").stream()
                .map(n -> shown((javafx.scene.control.ComboBox<?>) n)).toList();
        assertThat(shown).containsExactly("Drill (5 questions, weakest topic)", "Mid-level");
        // at its narrowest (a 1024×768 screen shrinks it there) the main action is still on screen
        FxToolkit.setupFixture(() -> {
            window[0].stage().setWidth(PracticeWindow.MIN_WIDTH);
            window[0].stage().getScene().getRoot().applyCss();
            window[0].stage().getScene().getRoot().layout();
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node start = window[0].stage().getScene().lookup("#start-round");
        assertThat(start).as("in the window, not in a toolbar's overflow menu").isNotNull();
        for (javafx.scene.Node n = start; n != null; n = n.getParent()) {
            assertThat(n.isVisible()).as(n + " shown").isTrue();
        }
        javafx.geometry.Bounds b = start.localToScene(start.getBoundsInLocal());
        assertThat(b.getMaxX()).isLessThanOrEqualTo(window[0].stage().getScene().getWidth());
        assertThat(b.getWidth()).isGreaterThan(20);
    }

    /** What a combo box shows for its value. */
    private static <T> String shown(javafx.scene.control.ComboBox<T> box) {
        return box.getConverter().toString(box.getValue());
    }

    @Test
    void nextWhileAnAnswerIsBeingScoredWaitsForTheScore() throws Exception {
        SessionStore store = SessionStore.open(dir.resolve("next.db"));
        PracticeViewModel vm = viewModel(Optional.of(store));
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
        javafx.scene.control.Button next = (javafx.scene.control.Button) window[0].stage().getScene().lookup("#next");
        assertThat(next.isDisabled()).isTrue();
        FxToolkit.setupFixture(vm::next);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.progressProperty().get()).startsWith("Question 1 of 2");
        assertThat(vm.questionProperty().get()).isEqualTo(first);
        // said under the buttons that were pressed, not below the score table that is still empty
        javafx.scene.Node status = window[0].stage().getScene().lookup("#practice-status");
        javafx.scene.Node average = window[0].stage().getScene().lookup("#round-average");
        assertThat(((javafx.scene.control.Label) status).getText()).startsWith("Scoring…");
        assertThat(status.localToScene(status.getBoundsInLocal()).getMinY())
                .isGreaterThanOrEqualTo(next.localToScene(next.getBoundsInLocal()).getMaxY())
                .isLessThan(average.localToScene(average.getBoundsInLocal()).getMinY());

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

    @Test
    void aDrillOnTheWeakestTopicsSaysWhichOrWhyItIsMixed() throws Exception {
        SessionStore store = SessionStore.open(dir.resolve("weakest.db"));
        PracticeViewModel vm = viewModel(Optional.of(store));
        PracticeWindow[] window = new PracticeWindow[1];
        FxToolkit.setupFixture(() -> {
            window[0] = new PracticeWindow(vm);
            window[0].show(null);
            vm.start(new RoundSetup(RoundType.DRILL, Seniority.MID, Optional.empty(), Optional.empty(), "", "", true, 3), 5);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.progressProperty().get().startsWith("Question 1 of 3"));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label status = (javafx.scene.control.Label) window[0].stage().getScene()
                .lookup("#practice-status");
        assertThat(status.getText()).isEqualTo("No past scores yet: a mixed drill.");
        FxToolkit.setupFixture(() -> window[0].stage().close());
        store.close();
    }

    /** The shipped templates and scorer, no LLM, results on the FX thread. */
    /**
     * Shown whole, the window's first styling (the tool bar's choices, the round's text area and buttons, the
     * tabs) was one frame of 36–49 ms of FX work on first open; the round's controls now join it a frame later.
     */
    @Test
    void theRoundsControlsJoinTheWindowTheFrameAfterItShows() throws Exception {
        PracticeWindow[] window = new PracticeWindow[1];
        boolean[] inTheFirstFrame = new boolean[2];
        // built in the background, as the app does
        Thread builder = new Thread(() -> window[0] = new PracticeWindow(viewModel(Optional.empty())), "test-build");
        builder.start();
        builder.join();
        FxToolkit.setupFixture(() -> {
            window[0].show(null);
            inTheFirstFrame[0] = window[0].stage().getScene().lookup("#start-round") != null;
            inTheFirstFrame[1] = window[0].stage().getScene().lookup("#answer") != null;
        });
        try {
            assertThat(inTheFirstFrame[0]).as("the tool bar's Start button").isTrue();
            assertThat(inTheFirstFrame[1]).as("the round's answer box").isFalse();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window[0].stage().getScene().lookup("#answer") != null);
        } finally {
            FxToolkit.setupFixture(() -> window[0].stage().close());
        }
    }

    private static PracticeViewModel viewModel(Optional<SessionStore> store) {
        return new PracticeViewModel(TemplateLibrary.shipped(), AnswerScorer.shipped(), Optional.empty(), store,
                SpeechFixtures::model, new FxTaskExecutor(Platform::runLater));
    }

    /** The window shown, with a two-question system-design drill started (seed 7). */
    private static PracticeWindow showingADrill(PracticeViewModel vm) throws Exception {
        PracticeWindow[] window = new PracticeWindow[1];
        FxToolkit.setupFixture(() -> {
            window[0] = new PracticeWindow(vm);
            window[0].show(null);
            vm.start(new RoundSetup(RoundType.DRILL, Seniority.MID, Optional.of(Category.SYSTEM_DESIGN), Optional.empty(),
                    "", "", false, 2), 7);
        });
        return window[0];
    }
}
