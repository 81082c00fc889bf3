package dev.cuecard.ui.debrief;

import dev.cuecard.session.SearchHit;
import dev.cuecard.session.SessionDetail;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.debrief.AnswerReview;
import dev.cuecard.session.debrief.Debrief;
import dev.cuecard.session.debrief.DebriefBuilder;
import dev.cuecard.session.debrief.SessionAnalytics;
import dev.cuecard.ui.TaskExecutor;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The debrief of one session as properties and commands, with no UI node inside: the view binds to
 * it, tests drive it directly. Used on the FX thread; the database is read and written through the
 * {@link TaskExecutor} (a serial lane in the app, so searches and saves happen in the order asked).
 */
public final class DebriefViewModel {
    private static final int SEARCH_LIMIT = 100;

    private final SessionStore store;
    private final Debrief debrief;
    private final TaskExecutor tasks;
    /** Which search the hits belong to: an older search's late answer is dropped. */
    private int searches;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableList<AnswerItem> answers = FXCollections.observableArrayList();
    private final ObjectProperty<AnswerItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();

    /**
     * Reads and analyses a stored session: database work, so off the FX thread.
     *
     * @throws IllegalArgumentException when there is no such session
     */
    public static Debrief load(SessionStore store, long sessionId, DebriefBuilder builder) {
        return builder.build(store.load(sessionId)
                .orElseThrow(() -> new IllegalArgumentException("no session " + sessionId)));
    }

    /** The view model of a debrief {@link #load loaded} in the background. FX thread. */
    public DebriefViewModel(SessionStore store, Debrief debrief, TaskExecutor tasks) {
        this.store = store;
        this.debrief = debrief;
        this.tasks = tasks;
        SessionDetail detail = debrief.detail();
        long sessionId = detail.session().id();
        for (AnswerReview r : debrief.answers()) {
            answers.add(new AnswerItem(r));
        }
        title.set("Session " + sessionId + " — " + (detail.session().title() == null ? detail.session().kind().id()
                : detail.session().title()));
        SessionAnalytics a = debrief.analytics();
        summary.set(String.format(Locale.ROOT, "%s · %d questions · me: %.0f words/min, %d filler words, %.0f %% of the "
                        + "talking · %d of %d answers 1–2 min", detail.session().status().id(), answers.size(),
                a.me().wordsPerMinute(), a.me().fillerCount(), 100 * a.talk().meShare(), a.onTarget(), a.answered()));
        if (!answers.isEmpty()) {
            selected.set(answers.get(0));
        }
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the last command did, for a status line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<AnswerItem> answers() {
        return answers;
    }

    public ObjectProperty<AnswerItem> selectedProperty() {
        return selected;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<SearchHit> hits() {
        return hits;
    }

    public SessionAnalytics analytics() {
        return debrief.analytics();
    }

    /** The stored session shown. */
    public long sessionId() {
        return debrief.detail().session().id();
    }

    /** Searches this session for the query's words; the hits arrive when the database has answered. */
    public void search() {
        String words = query.get();
        int search = ++searches;
        status.set("searching…");
        tasks.submit(() -> store.search(words, OptionalLong.of(sessionId()), SEARCH_LIMIT), found -> {
            if (search != searches) {
                return;
            }
            hits.setAll(found);
            status.set(found.isEmpty() ? "nothing found for “" + words.strip() + "”"
                    : found.size() + " hit" + (found.size() == 1 ? "" : "s"));
        }, e -> status.set("search failed: " + e.getMessage()));
    }

    /** Selects the question whose span holds the hit. */
    public void jumpTo(SearchHit hit) {
        Optional<AnswerReview> at = debrief.answerAt(hit.atMs());
        at.flatMap(r -> answers.stream().filter(i -> i.review() == r).findFirst()).ifPresent(selected::set);
        if (at.isEmpty()) {
            status.set("that was said before the first question");
        }
    }

    /** Stores the item's note and rating (in the background; the status line says when it is done). */
    public void saveReview(AnswerItem item) {
        long questionId = item.questionId();
        String note = item.noteProperty().get();
        Integer rating = item.ratingProperty().get();
        int number = item.review().number();
        status.set("saving the review of Q" + number + "…");
        tasks.run(() -> store.transaction(() -> {
            store.setAnswerNote(questionId, note);
            store.setAnswerRating(questionId, rating);
        }), () -> status.set("review of Q" + number + " saved"),
                e -> status.set("could not save the review of Q" + number + ": " + e.getMessage()));
    }
}
