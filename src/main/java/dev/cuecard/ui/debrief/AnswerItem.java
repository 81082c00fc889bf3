package dev.cuecard.ui.debrief;

import dev.cuecard.hint.Hint;
import dev.cuecard.session.StoredCoverage;
import dev.cuecard.session.StoredHint;
import dev.cuecard.session.debrief.AnswerReview;
import dev.cuecard.session.debrief.Debrief;
import dev.cuecard.session.debrief.KeyPointCoverage;
import dev.cuecard.session.debrief.LiveCoverage;
import dev.cuecard.session.debrief.StructureCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One question of the timeline as the view shows it; the note and rating are editable. */
public final class AnswerItem {
    private static final String NBSP = "\u00a0";
    /** Said instead of the count while the key points are judged by meaning in the background. */
    static final String JUDGING = "Key points: judging by meaning…";
    private AnswerReview review;
    /** False while the key points are being judged in the background ({@link DebriefViewModel#judgeKeyPoints}). */
    private boolean judged;
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ObjectProperty<Integer> rating = new SimpleObjectProperty<>(this, "rating");

    /** False when the session has no candidate side at all: nothing is graded ({@link Debrief#candidateRecorded}). */
    private final boolean graded;

    AnswerItem(AnswerReview review, boolean graded) {
        this(review, graded, true);
    }

    AnswerItem(AnswerReview review, boolean graded, boolean judged) {
        this.review = review;
        this.graded = graded;
        this.judged = judged;
        note.set(review.question().note() == null ? "" : review.question().note());
        rating.set(review.question().rating().orElse(null));
    }

    AnswerReview review() {
        return review;
    }

    /** The same answer with its key points judged. FX thread. */
    void judged(AnswerReview withKeyPoints) {
        review = withKeyPoints;
        judged = true;
    }

    /** The key points as judged, for tests and the view: (key point, covered); empty while being judged. */
    public java.util.Optional<java.util.Map<String, Boolean>> keyPoints() {
        if (!judged) {
            return java.util.Optional.empty();
        }
        java.util.Map<String, Boolean> out = new java.util.LinkedHashMap<>();
        review.feedback().keyPoints().forEach(k -> out.put(k.keyPoint(), k.covered()));
        return java.util.Optional.of(out);
    }

    long questionId() {
        return review.question().id();
    }

    public String label() {
        return String.format(Locale.ROOT, "Q%d  %s  %s", review.number(), clock(review.question().startMs()),
                review.question().text());
    }

    public String question() {
        return review.question().text();
    }

    public String category() {
        return dev.cuecard.ui.Labels.category(review.question().category());
    }

    /**
     * The card(s) shown, as text, the final one marked: a refined card replaced the template's, and
     * the feedback is graded against the final one.
     */
    public String hintText() {
        if (review.hints().isEmpty()) {
            return "No card was shown; the feedback uses the topic template's key points.";
        }
        List<String> lines = new ArrayList<>();
        List<StoredHint> hints = review.hints();
        for (int i = 0; i < hints.size(); i++) {
            StoredHint h = hints.get(i);
            Hint hint = h.hint();
            boolean last = i == hints.size() - 1;
            String source = "llm".equalsIgnoreCase(h.source()) ? "refined by the LLM" : "template card";
            lines.add(hint.title() + " (" + source + h.whenShown(NBSP).map(w -> ", shown " + w).orElse("")
                    + review.hintRole(i).map(role -> " — " + role).orElse("") + ")");
            if (last || hints.size() == 1) {
                lines.add(hint.gist());
                hint.keyPoints().forEach(k -> lines.add("• " + k));
            }
        }
        return String.join("\n", lines);
    }

    public String answerText() {
        if (!graded) {
            return "(your side was not recorded in this session)";
        }
        return review.answer().isEmpty() ? "(no answer recorded)" : review.answerText();
    }

    public String metricsText() {
        if (!graded) {
            return "Not measured: only the interviewer's audio is in this session";
        }
        if (review.answer().isEmpty()) {
            return "No answer recorded";
        }
        if (review.metrics().typedOnly()) {
            return String.format(Locale.ROOT, "Typed answer · %d words · %d filler words · length and pace not measured",
                    review.metrics().words(), review.metrics().fillerCount());
        }
        return String.format(Locale.ROOT, "%s long · %.0f words/min · %d filler words · %s", clock(review.metrics().spanMs()),
                review.metrics().wordsPerMinute(), review.metrics().fillerCount(),
                // a number stays with its unit when the narrow detail column wraps ("0 / ms", "< / 1 min")
                review.length().label().replace("< ", "<" + NBSP).replace(" min", NBSP + "min"));
    }

    public String feedbackText() {
        if (!graded) {
            return "No feedback: there is no answer to compare with the card's key points.";
        }
        List<String> lines = new ArrayList<>();
        if (!review.feedback().keyPoints().isEmpty()) {
            List<String> live = review.live().points();
            if (!judged) {
                lines.add(JUDGING);
            } else {
                lines.add("Key points covered: " + review.feedback().keyPointsCovered() + " of "
                        + review.feedback().keyPoints().size());
            }
            for (KeyPointCoverage k : review.feedback().keyPoints()) {
                boolean ticked = live.contains(k.keyPoint());
                lines.add((!judged ? "• " : k.covered() ? "✓ " : "✗ ") + k.keyPoint()
                        + (!ticked ? "" : judged && !k.covered() ? " — " + LiveCoverage.NOT_FOUND_AFTER : "  (ticked live)"));
            }
        }
        if (review.hints().size() > 1) {
            lines.add(0, "Graded against the final card.");
        }
        review.practiceScoreText().ifPresent(s -> lines.add(0, "Practice score: " + s));
        StructureCheck s = review.feedback().structure();
        lines.add("Structure (" + s.shape() + "): " + (s.complete() ? "complete"
                : s.missing().isEmpty() ? "all parts, out of order" : "missing " + String.join(", ", s.missing())));
        lines.add("Numbers: " + (review.feedback().numbers().isEmpty() ? "none" : String.join(", ",
                review.feedback().numbers())));
        lines.add("Examples: " + (review.feedback().examples().isEmpty() ? "none" : String.join(", ",
                review.feedback().examples())));
        return String.join("\n", lines);
    }

    /** What the live coach saw while the answer was given, beside the offline feedback above. */
    public String liveText() {
        LiveCoverage live = review.live();
        if (!live.recorded()) {
            return "Not coached live (no microphone channel in this session, or recorded before the coach).";
        }
        List<String> lines = new ArrayList<>();
        lines.add("Ticked while you answered: " + live.ticked().size() + (review.feedback().keyPoints().isEmpty() ? ""
                : " of " + review.feedback().keyPoints().size()) + " key points");
        for (StoredCoverage c : live.ticked()) {
            lines.add("✓ " + c.point() + "  (" + clock(c.atMs()) + ")");
        }
        live.end().ifPresent(e -> {
            lines.add(String.format(Locale.ROOT, "%s · %.0f words/min · %d filler words", clock(e.durationMs()),
                    e.wordsPerMinute(), e.fillers()));
            e.followUp().ifPresent(f -> lines.add("Be ready for: " + f));
        });
        return String.join("\n", lines);
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ObjectProperty<Integer> ratingProperty() {
        return rating;
    }

    static String clock(long ms) {
        long s = ms / 1000;
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public String toString() {
        return label();
    }
}
