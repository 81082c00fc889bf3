package dev.cuecard.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scripted tour behind {@code --fx-bench} (issue 12): start-up, the demo interview in real
 * time, its debrief (search, every question, a saved review) and a practice round answered by
 * typing — each a phase of the {@link FxStallProbe}, driven through the app's own buttons and
 * fields as a user would, then the app quits. FX thread.
 */
final class FxBench {
    private static final Logger LOG = LoggerFactory.getLogger(FxBench.class);
    private static final String ANSWER = "I would start with the requirements and a rough estimate of the load, then "
            + "walk through the design: a load balancer, stateless services, a cache in front of the database and a "
            + "queue for slow work. The trade-off is consistency against latency, so I would measure the p99 and the "
            + "hit rate, and I would add monitoring before shipping.";

    private final FxStallProbe probe;
    private final MainWindow.Actions actions;
    private final LiveSessionModel model;
    private final Supplier<Optional<Stage>> debrief;
    private final Supplier<Optional<Stage>> practice;
    private final Runnable quit;
    private final Deque<Step> steps = new ArrayDeque<>();
    private int answered;

    private record Step(String what, Runnable action, BooleanSupplier until, double timeoutSeconds) {
    }

    FxBench(FxStallProbe probe, MainWindow.Actions actions, LiveSessionModel model, Supplier<Optional<Stage>> debrief,
            Supplier<Optional<Stage>> practice, Runnable quit) {
        this.probe = probe;
        this.actions = actions;
        this.model = model;
        this.debrief = debrief;
        this.practice = practice;
        this.quit = quit;
    }

    /** Runs the tour; the probe is already counting the start-up phase. */
    void run() {
        pause("start-up: database, devices, hotkeys and the semantic model load in the background", 8);
        step("demo: replay the mock interview", () -> {
            probe.phase("demo");
            actions.startDemo();
        }, () -> model.listeningProperty().get(), 30);
        step("demo: until the session ends", () -> { }, () -> !model.listeningProperty().get(), 240);
        pause("demo: the last cards settle", 1);
        step("debrief: open it", () -> {
            probe.phase("debrief");
            actions.openDebrief();
        }, () -> debrief.get().isPresent(), 30);
        pause("debrief: first layout", 1);
        step("debrief: search", () -> {
            TextField search = (TextField) debriefNode("#search");
            search.setText("cache");
            search.fireEvent(new ActionEvent());
        }, () -> browserStatus().contains("hit") || browserStatus().toLowerCase(java.util.Locale.ROOT)
                .contains("nothing found"), 20);
        step("debrief: every question", this::visitQuestions, () -> true, 1);
        step("debrief: save a review", () -> {
            ((TextArea) debriefNode("#note")).setText("benchmark: lead with the number");
            ((Button) debriefNode("#save-review")).fire();
        }, () -> debriefStatus().contains("saved"), 20);
        pause("debrief: idle", 1);
        step("debrief: close", () -> debrief.get().ifPresent(Stage::close), () -> true, 1);
        pause("debrief: closed", 1);
        step("debrief: open it again", () -> {
            probe.phase("debrief2");
            actions.openDebrief();
        }, () -> debrief.get().isPresent(), 30);
        pause("debrief: first layout again", 2);
        step("debrief: close again", () -> debrief.get().ifPresent(Stage::close), () -> true, 1);
        step("practice: open it", () -> {
            probe.phase("practice");
            actions.openPractice();
        }, () -> practice.get().isPresent(), 30);
        pause("practice: first layout", 1);
        step("practice: start a round", () -> byId("#start-round").fire(), this::questionOpen, 60);
        steps.add(new Step("practice: answer", this::answerOrFinish, () -> true, 1));
        next();
    }

    /** Selects each question of the timeline in turn, reading each for a moment. */
    private void visitQuestions() {
        @SuppressWarnings("unchecked")
        ListView<Object> timeline = (ListView<Object>) debriefNode("#timeline");
        Deque<Step> more = new ArrayDeque<>();
        for (int i = 0; i < timeline.getItems().size(); i++) {
            int index = i;
            more.add(new Step("debrief: question " + (i + 1), () -> timeline.getSelectionModel().select(index),
                    pauseFor(0.4), 2));
        }
        pushFront(more);
    }

    private void pushFront(Deque<Step> more) {
        while (!more.isEmpty()) {
            steps.addFirst(more.removeLast());
        }
    }

    /** Types and scores an answer, then Next — until the round shows its report. */
    private void answerOrFinish() {
        if (roundFinished() || answered >= 12) {
            steps.addFirst(new Step("practice: report shown", () -> { }, () -> true, 1));
            steps.add(new Step("quit", quit, () -> true, 1));
            return;
        }
        answered++;
        Deque<Step> more = new ArrayDeque<>();
        more.add(new Step("practice: type and score answer " + answered, () -> {
            practiceAnswer().setText(ANSWER);
            byId("#score").fire();
        }, () -> byId("#score").isDisabled() && !byId("#next").isDisabled()
                && !"Skip question".equals(byId("#next").getText()), 60));
        more.add(new Step("practice: read the score", () -> { }, pauseFor(0.5), 1));
        more.add(new Step("practice: next", () -> byId("#next").fire(), () -> roundFinished() || questionOpen(), 60));
        more.add(new Step("practice: answer", this::answerOrFinish, () -> true, 1));
        pushFront(more);
    }

    private void pause(String what, double seconds) {
        steps.add(new Step(what, () -> { }, pauseFor(seconds), seconds + 1));
    }

    private static BooleanSupplier pauseFor(double seconds) {
        long[] started = {-1};
        return () -> {
            long now = System.nanoTime();
            if (started[0] < 0) {
                started[0] = now;
            }
            return now - started[0] >= seconds * 1e9;
        };
    }

    private void step(String what, Runnable action, BooleanSupplier until, double timeoutSeconds) {
        steps.add(new Step(what, action, until, timeoutSeconds));
    }

    private void next() {
        Step s = steps.poll();
        if (s == null) {
            return;
        }
        LOG.info("fx-bench: {}", s.what());
        try {
            s.action().run();
        } catch (RuntimeException e) {
            LOG.warn("fx-bench: '{}' failed: {}", s.what(), e.toString());
        }
        long deadline = System.nanoTime() + (long) (s.timeoutSeconds() * 1e9);
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(Duration.millis(100), e -> {
            boolean done;
            try {
                done = s.until().getAsBoolean();
            } catch (RuntimeException ex) {
                done = false;
            }
            if (done || System.nanoTime() > deadline) {
                if (!done) {
                    LOG.warn("fx-bench: '{}' did not finish in {} s", s.what(), s.timeoutSeconds());
                }
                poll.stop();
                next();
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    private Node debriefNode(String selector) {
        Scene scene = debrief.get().orElseThrow(() -> new IllegalStateException("no debrief window")).getScene();
        Node n = scene.lookup(selector);
        if (n == null) {
            throw new IllegalStateException("no " + selector + " in the debrief");
        }
        return n;
    }

    private String browserStatus() {
        return ((Label) debriefNode("#browser-status")).getText();
    }

    /** A question is on screen and not answered yet. */
    private boolean questionOpen() {
        Button next = byId("#next");
        return !next.isDisabled() && "Skip question".equals(next.getText());
    }

    private Button byId(String id) {
        Node n = practiceScene().lookup(id);
        if (!(n instanceof Button b)) {
            throw new IllegalStateException("no button " + id);
        }
        return b;
    }

    private String debriefStatus() {
        return ((Label) debriefNode("#status")).getText();
    }

    private Scene practiceScene() {
        return practice.get().orElseThrow(() -> new IllegalStateException("no practice window")).getScene();
    }

    private TextArea practiceAnswer() {
        return practiceScene().getRoot().lookupAll(".text-area").stream()
                .filter(n -> n instanceof TextArea t && t.getPromptText() != null && t.getPromptText().startsWith("Type"))
                .map(n -> (TextArea) n).findFirst().orElseThrow(() -> new IllegalStateException("no answer field"));
    }

    private boolean roundFinished() {
        Node tabs = practiceScene().getRoot().lookup(".tab-pane");
        return tabs instanceof TabPane t && t.getSelectionModel().getSelectedIndex() == 1;
    }
}
