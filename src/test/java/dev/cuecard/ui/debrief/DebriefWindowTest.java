package dev.cuecard.ui.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.Channel;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.DetectedQuestion;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionInfo;
import dev.cuecard.session.SessionKind;
import dev.cuecard.session.SessionRecorder;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.SessionSummary;
import dev.cuecard.session.debrief.AnswerFeedbackRater;
import dev.cuecard.session.debrief.DebriefBuilder;
import dev.cuecard.testing.InterviewFixture;
import dev.cuecard.ui.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The debrief window's session list over a real database: switching, filtering, searching all, deleting. */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class DebriefWindowTest {
    static final String LIVE_QUESTION = "how did you shard the orders database at your last job";

    @TempDir
    static Path dir;

    private SessionStore store;
    private long demo;
    private long live;
    private SessionBrowserModel browser;
    private Stage window;

    @Start
    void start(Stage stage) {
        window = stage;
        store = SessionStore.open(dir.resolve("cuecard-" + System.nanoTime() + ".db"));
        demo = InterviewFixture.record(store);
        live = recordLive(store);
        DebriefBuilder builder = new DebriefBuilder(new AnswerFeedbackRater(AsrVocabulary.empty()), TemplateLibrary.of(List.of()));
        // the real database, deterministically on the calling thread
        browser = SessionBrowserModel.loaded(store, builder, new CurrentThreadTaskExecutor(), OptionalLong.empty());
        Scene scene = DebriefWindow.prepare(browser);
        stage.setScene(scene);
        stage.show();
    }

    private static long recordLive(SessionStore store) {
        try (SessionRecorder r = SessionRecorder.start(store, new SessionInfo(SessionKind.LIVE, "Live session",
                "system", "default", "model-en-us", null))) {
            r.onEvent(InterviewFixture.transcript(Channel.THEM, 0, 3000, LIVE_QUESTION));
            r.onEvent(new PipelineEvent.Question(new DetectedQuestion(1, Channel.THEM,
                    InterviewFixture.classification(LIVE_QUESTION, InterviewFixture.cacheTemplate()), 3000, 3000,
                    false, false)));
            r.onEvent(InterviewFixture.transcript(Channel.ME, 4000, 9000, "we hashed the customer id into sixteen shards"));
            return r.sessionId();
        }
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** A label of the debrief; its detail joins a frame after the session list (DebriefView), so wait for it. */
    private static String text(FxRobot robot, String id) {
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(id + " not shown within 10 s", e);
        }
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** The text a label or a list row shows ("" for other nodes). */
    private static String text(Node n) {
        String t = n instanceof Label l ? l.getText() : n instanceof javafx.scene.text.Text x ? x.getText() : null;
        return t == null ? "" : t;
    }

    private static boolean shows(Node n, String prefix) {
        return text(n).startsWith(prefix);
    }

    @SuppressWarnings("unchecked")
    private static ListView<SessionSummary> sessions(FxRobot robot) {
        return robot.lookup("#sessions").queryAs(ListView.class);
    }

    /**
     * Control skins measure text through one shared, unlocked text layout: a scene styled off the
     * FX thread while the FX thread laid out another window crashed the app (NPE in PrismTextLayout).
     */
    @Test
    void preparingTheSceneOffTheFxThreadStylesNothing() throws Exception {
        java.util.concurrent.CompletableFuture<Scene> prepared = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> prepared.complete(DebriefWindow.prepare(browser)), "test-prepare");
        t.start();
        Scene scene = prepared.get(30, java.util.concurrent.TimeUnit.SECONDS);
        List<javafx.scene.control.Control> controls = scene.getRoot().lookupAll("*").stream()
                .filter(n -> n instanceof javafx.scene.control.Control).map(n -> (javafx.scene.control.Control) n).toList();
        assertThat(controls).isNotEmpty();
        assertThat(controls).allSatisfy(c -> assertThat(c.getSkin()).as(c.toString()).isNull());
    }

    /**
     * The window's first frame styles the session list alone; the debrief beside it joins from the next
     * (both at once were one frame of ~80 ms of FX work on first open). Its nodes are built off the FX thread.
     */
    @Test
    void theDebriefJoinsTheSessionListAfterTheWindowsFirstLayout() throws Exception {
        Scene scene = DebriefWindow.prepare(browser); // the test thread: as the app's worker does
        // a split pane's items join the scene graph with its skin: reached through the items, not a lookup
        javafx.scene.layout.StackPane holder = (javafx.scene.layout.StackPane) ((javafx.scene.control.SplitPane)
                ((javafx.scene.layout.BorderPane) scene.getRoot()).getCenter()).getItems().get(1);
        assertThat(holder.getChildren()).as("before the window is shown").isEmpty();
        List<Integer> atFirstLayout = new java.util.concurrent.CopyOnWriteArrayList<>();
        Stage second = WaitForAsyncUtils.asyncFx(() -> {
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                atFirstLayout.add(holder.getChildren().size());
                scene.removePostLayoutPulseListener(once[0]);
            };
            scene.addPostLayoutPulseListener(once[0]);
            Stage s = new Stage();
            s.setScene(scene);
            s.show();
            return s;
        }).get(30, java.util.concurrent.TimeUnit.SECONDS);
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> scene.lookup("#timeline") != null);
            assertThat(atFirstLayout).as("children of the debrief's place in the first frame").containsExactly(0);
            assertThat(holder.getChildren()).hasSize(1).first().isInstanceOf(DebriefView.class);
        } finally {
            WaitForAsyncUtils.asyncFx(second::close).get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** The scene is built at 1,180 px; the window is fitted narrower beside the overlay (828 px on a 1280×800 screen). */
    @Test
    void inAWindowNarrowerThanTheSceneWasBuiltForTheSessionListKeepsItsShare() throws Exception {
        Scene scene = WaitForAsyncUtils.asyncFx(() -> DebriefWindow.prepare(browser)).get(30, java.util.concurrent.TimeUnit.SECONDS);
        Stage narrow = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            s.setScene(scene);
            s.setWidth(828);
            s.setHeight(700);
            s.show();
            return s;
        }).get(30, java.util.concurrent.TimeUnit.SECONDS);
        try {
            javafx.scene.control.SplitPane split = (javafx.scene.control.SplitPane)
                    ((javafx.scene.layout.BorderPane) scene.getRoot()).getCenter();
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> split.getWidth() < 900);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(split.getDividerPositions()[0]).isCloseTo(DebriefWindow.SESSIONS_SHARE,
                    org.assertj.core.data.Offset.offset(0.03));
        } finally {
            WaitForAsyncUtils.asyncFx(narrow::close).get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** As in the app's dialogs (QA walkthrough: Escape did nothing here); typing a search does not keep it. */
    @Test
    void escapeClosesTheWindow(FxRobot robot) throws Exception {
        Scene scene = WaitForAsyncUtils.asyncFx(() -> DebriefWindow.prepare(browser)).get(30, java.util.concurrent.TimeUnit.SECONDS);
        Stage window = WaitForAsyncUtils.asyncFx(() -> DebriefWindow.show(null, java.util.Optional.empty(), scene))
                .get(30, java.util.concurrent.TimeUnit.SECONDS);
        try {
            // the session list has the keyboard when the window opens
            robot.clickOn(robot.from(scene.getRoot()).lookup((Node n) -> shows(n, "Demo interview · ")
                    && n.getStyleClass().contains("cell-text")).queryAs(Node.class));
            robot.type(KeyCode.ESCAPE);
            assertThat(window.isShowing()).isFalse();
        } finally {
            WaitForAsyncUtils.asyncFx(window::close).get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void listsEverySessionWithAHumanTitleAndOpensTheNewest(FxRobot robot) {
        ListView<SessionSummary> list = sessions(robot);
        assertThat(list.getItems()).extracting(SessionSummary::id).containsExactly(live, demo);
        assertThat(robot.lookup((Node n) -> shows(n, "Demo interview · ") && text(n).contains("2 questions")).tryQuery()).isPresent();
        assertThat(robot.lookup((Node n) -> text(n).contains(".wav")).tryQuery()).isEmpty();
        assertThat(list.getSelectionModel().getSelectedItem().id()).isEqualTo(live);
        assertThat(text(robot, "#question")).isEqualTo(LIVE_QUESTION);
        // the list has the keyboard, so the search field still shows what it is for
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#search").queryAs(javafx.scene.control.TextField.class).isFocused()).isFalse();
    }

    @Test
    void clickingAnotherSessionShowsItsDebrief(FxRobot robot) {
        robot.clickOn((Node n) -> shows(n, "Demo interview · ") && n.getStyleClass().contains("cell-text"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(browser.openedProperty().get().sessionId()).isEqualTo(demo);
        assertThat(text(robot, "#question")).isEqualTo(InterviewFixture.Q1);
        assertThat(robot.lookup("#timeline").queryAs(ListView.class).getItems()).hasSize(2);
        robot.clickOn((Node n) -> shows(n, "Live interview · ") && n.getStyleClass().contains("cell-text"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#question")).isEqualTo(LIVE_QUESTION);
    }

    @Test
    void theKindFilterShowsOnlyThatKind(FxRobot robot) {
        assertThat(browser.openedProperty().get().sessionId()).isEqualTo(live);
        robot.clickOn("#kind-demo");
        assertThat(sessions(robot).getItems()).extracting(SessionSummary::id).containsExactly(demo);
        // the debrief shown follows the list: the live session it showed is filtered out
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(browser.openedProperty().get().sessionId()).isEqualTo(demo);
        assertThat(text(robot, "#question")).isEqualTo(InterviewFixture.Q1);
        robot.clickOn("#kind-practice");
        assertThat(sessions(robot).getItems()).isEmpty();
        assertThat(text(robot, "#browser-status")).isEqualTo("No practice sessions");
        assertThat(browser.openedProperty().get()).isNull();
        robot.clickOn("#kind-all");
        assertThat(sessions(robot).getItems()).hasSize(2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(browser.openedProperty().get()).isNotNull();
    }

    @Test
    void aSearchFindsWordsInAnySessionAndItsHitOpensThatSessionAtTheQuestion(FxRobot robot) {
        assertThat(browser.openedProperty().get().sessionId()).isEqualTo(live);
        robot.clickOn("#search").write("eighty percent").type(KeyCode.ENTER);
        ListView<?> hits = robot.lookup("#hits").queryAs(ListView.class);
        assertThat(hits.getItems()).hasSize(1);
        assertThat(text(robot, "#browser-status")).isEqualTo("1 hit in 1 session");
        robot.clickOn(robot.lookup("#hits .list-cell").nth(0).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(browser.openedProperty().get().sessionId()).isEqualTo(demo);
        assertThat(text(robot, "#question")).isEqualTo(InterviewFixture.Q1);
        assertThat(robot.lookup("#timeline").queryAs(ListView.class).getSelectionModel().getSelectedIndex()).isZero();
    }

    @Test
    void theSearchResultsPlaceholderIsReadInFullBesideTheOverlay(FxRobot robot) throws Exception {
        String before = themedAtTheOpeningWidth();
        robot.clickOn("#search").write("x");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> {
            List<String> out = new java.util.ArrayList<>();
            for (Node n : window.getScene().getRoot().lookupAll(".placeholder .label")) {
                if (n instanceof Label l && l.isVisible() && l.getScene() != null
                        && l.lookup(".text") instanceof javafx.scene.text.Text t && !l.getText().equals(t.getText())) {
                    out.add("“" + l.getText() + "” shown as “" + t.getText() + "”");
                }
            }
            javafx.application.Application.setUserAgentStylesheet(before);
            return out;
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        // it read "Search results appear ..." in the session column
        assertThat(cut).isEmpty();
        assertThat(robot.lookup("#hits .placeholder .label").tryQuery()).isPresent();
    }

    /**
     * The app's theme, at the width the window opens at on a 1280-px screen (left of the overlay's column).
     *
     * @return the stylesheet to put back
     */
    private String themedAtTheOpeningWidth() throws Exception {
        String before = javafx.application.Application.getUserAgentStylesheet();
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.application.Application.setUserAgentStylesheet(
                    new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
            window.setWidth(770);
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return before;
    }

    @Test
    void theSearchFieldsPromptIsReadInFullBesideTheOverlay() throws Exception {
        String before = themedAtTheOpeningWidth();
        double[] widths = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.TextField search = (javafx.scene.control.TextField) window.getScene().lookup("#search");
            javafx.scene.text.Text prompt = new javafx.scene.text.Text(search.getPromptText());
            prompt.setFont(search.getFont());
            javafx.application.Application.setUserAgentStylesheet(before);
            return new double[] {prompt.getLayoutBounds().getWidth() + search.getInsets().getLeft()
                    + search.getInsets().getRight(), search.getWidth()};
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        // it read "Words said or shown, t"
        assertThat(widths[0]).as("the prompt's width").isLessThanOrEqualTo(widths[1]);
    }

    @Test
    void deletingAsksFirstThenRemovesTheSessionForGood(FxRobot robot) {
        robot.clickOn("#delete-session");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(ask.getHeaderText()).isEqualTo("Delete this session?");
        robot.clickOn((Node n) -> n instanceof Button b && "Cancel".equals(b.getText()));
        assertThat(store.list()).hasSize(2);

        robot.clickOn("#delete-session");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn((Node n) -> n instanceof Button b && "Delete".equals(b.getText()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(store.list()).extracting(SessionSummary::id).containsExactly(demo);
        assertThat(sessions(robot).getItems()).extracting(SessionSummary::id).containsExactly(demo);
        // the next session opens in its place
        assertThat(browser.openedProperty().get().sessionId()).isEqualTo(demo);
        assertThat(text(robot, "#question")).isEqualTo(InterviewFixture.Q1);
    }
}
