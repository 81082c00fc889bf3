package dev.cuecard.ui;

import dev.cuecard.coach.AnswerCoach;
import dev.cuecard.hint.Hint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The live answer coach on the card, for the question shown: its key points ticking off as they are
 * said, one or two things still worth saying (a glance, never a sentence to read), the answer's time
 * against the 1–2 minute target with a quiet "wrap up" from 2:00, pace over the last 20 s and
 * fillers; once the answer ends, the likely follow-up. Shown only while the coach runs (a candidate
 * channel) and the user has not hidden it. Bound to {@link LiveSessionModel}; holds no state.
 */
public final class CoachPanel extends VBox {
    static final int CHIP_CHARS = 40;
    private final LiveSessionModel model;
    private final FlowPane points = new FlowPane(6, 3);
    /** Point labels are reused between renders (new nodes per event is what stalls the FX thread). */
    private final List<Label> pool = new ArrayList<>();
    private final Label next = label("coach-next");
    private final Label timer = label("coach-timer");
    private final Label pace = label("coach-small");
    private final Label fillers = label("coach-small");
    private final Label wrapUp = label("coach-wrap");
    private final Label followUp = label("coach-follow");

    public CoachPanel(LiveSessionModel model) {
        this.model = model;
        getStyleClass().add("coach");
        setSpacing(3);
        timer.setId("coach-timer");
        wrapUp.setId("coach-wrap-up");
        wrapUp.setText("wrap up");
        next.setWrapText(true);
        followUp.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // the card's width rules: a chip wider than the card is shortened ("…"); as the FlowPane's minimum
        // width (its widest chip) it widened the card's content past the card's edge at large font
        // scales, and every line of the card was cut on the right, under the scroll bar
        points.setMinWidth(0);
        HBox delivery = new HBox(10, timer, pace, fillers, spacer, wrapUp);
        delivery.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(points, next, delivery, followUp);

        CoachModel coach = model.coach();
        InvalidationListener rerender = o -> render();
        model.shownProperty().addListener((o, old, now) -> {
            // the shown card's hint may come later or be refined (its key points with it)
            if (old != null) {
                old.hintProperty().removeListener(rerender);
            }
            if (now != null) {
                now.hintProperty().addListener(rerender);
            }
            render();
        });
        // a change listener: the count is never read by render, so invalidations alone would fire once
        coach.changedProperty().addListener((o, a, b) -> render());
        coach.shownProperty().addListener(rerender);
        coach.candidateHeardProperty().addListener(rerender);
        coach.candidateAudioMsProperty().addListener(o -> renderClock());
        render();
    }

    private void render() {
        QuestionCard card = model.shownProperty().get();
        CoachModel coach = model.coach();
        Hint hint = card == null ? null : card.hint();
        boolean on = coach.shownProperty().get() && coach.candidateHeardProperty().get() && hint != null;
        setVisible(on);
        setManaged(on);
        if (!on) {
            return;
        }
        CoachModel.Answer answer = coach.answerTo(card.id()).orElse(null);
        List<Label> shown = new ArrayList<>();
        for (String point : hint.keyPoints()) {
            boolean ticked = answer != null && answer.ticked(point);
            Label l = pooled(shown.size());
            l.setText((ticked ? "✓ " : "○ ") + chip(point));
            String state = ticked ? "coach-ticked" : "coach-open";
            if (!l.getStyleClass().contains(state)) {
                l.getStyleClass().setAll("label", "coach-point", state);
            }
            shown.add(l);
        }
        if (!points.getChildren().equals(shown)) {
            points.getChildren().setAll(shown);
        }
        boolean answering = answer != null && answer.started() && !answer.ended();
        List<String> toSay = answering ? answer.nextToSay() : List.of();
        next.setText(toSay.isEmpty() ? "" : "next: " + String.join(" · ", toSay));
        show(next, !toSay.isEmpty());
        String ready = answer == null || !answer.ended() ? "" : answer.followUp().map(f -> "be ready for: " + f).orElse("");
        followUp.setText(ready);
        show(followUp, !ready.isEmpty());
        boolean timed = answer != null && answer.started();
        pace.setText(timed && answer.wordsPerMinute() > 0
                ? String.format(Locale.ROOT, "%.0f wpm", answer.wordsPerMinute()) : "");
        fillers.setText(timed ? answer.fillers() + (answer.fillers() == 1 ? " filler" : " fillers") : "");
        renderClock();
    }

    /** Only the clock moves with the audio; the rest changes with the coach's events. */
    private void renderClock() {
        QuestionCard card = model.shownProperty().get();
        CoachModel.Answer answer = card == null ? null : model.coach().answerTo(card.id()).orElse(null);
        if (answer == null || !answer.started()) {
            timer.setText("");
            show(wrapUp, false);
            return;
        }
        long ms = answer.elapsedMs(model.coach().candidateAudioMsProperty().get());
        long s = ms / 1000;
        String clock = String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        timer.setText(answer.ended() ? "answered in " + clock : clock + " / 1–2 min");
        show(wrapUp, !answer.ended() && ms >= AnswerCoach.WRAP_UP_MS);
    }

    /**
     * A key point as a short chip, cut at a word: two fit on a line of the default card, so the
     * points leave the card itself some room (the card holds the full text).
     */
    static String chip(String point) {
        String g = AnswerCoach.glance(point);
        if (g.length() <= CHIP_CHARS) {
            return g;
        }
        int cut = g.lastIndexOf(' ', CHIP_CHARS - 1);
        return g.substring(0, cut > CHIP_CHARS / 2 ? cut : CHIP_CHARS - 1).strip() + "…";
    }

    private Label pooled(int i) {
        while (pool.size() <= i) {
            Label l = new Label();
            l.maxWidthProperty().bind(points.widthProperty());
            pool.add(l);
        }
        return pool.get(i);
    }

    private static void show(Label l, boolean on) {
        l.setVisible(on);
        l.setManaged(on);
    }

    private static Label label(String style) {
        Label l = new Label();
        l.getStyleClass().add(style);
        return l;
    }

    // visible for tests
    List<Label> pointLabels() {
        return points.getChildren().stream().map(Label.class::cast).toList();
    }

    Label timerLabel() {
        return timer;
    }

    Label wrapUpLabel() {
        return wrapUp;
    }

    Label nextLabel() {
        return next;
    }

    Label followUpLabel() {
        return followUp;
    }
}
