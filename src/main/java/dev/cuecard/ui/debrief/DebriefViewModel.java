package dev.cuecard.ui.debrief;

import dev.cuecard.session.SearchHit;
import dev.cuecard.session.SessionDetail;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.debrief.AnswerReview;
import dev.cuecard.session.debrief.Debrief;
import dev.cuecard.session.debrief.DebriefBuilder;
import dev.cuecard.session.debrief.SessionAnalytics;
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
 * it, tests drive it directly. Used on the FX thread only.
 */
public final class DebriefViewModel {
    private static final int SEARCH_LIMIT = 100;

    private final SessionStore store;
    private final Debrief debrief;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableList<AnswerItem> answers = FXCollections.observableArrayList();
    private final ObjectProperty<AnswerItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();

    public DebriefViewModel(SessionStore store, long sessionId, DebriefBuilder builder) {
        this.store = store;
        SessionDetail detail = store.load(sessionId)
                .orElseThrow(() -> new IllegalArgumentException("no session " + sessionId));
        this.debrief = builder.build(detail);
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

    /** Searches this session for the query's words. */
    public void search() {
        hits.setAll(store.search(query.get(), OptionalLong.of(debrief.detail().session().id()), SEARCH_LIMIT));
        status.set(hits.isEmpty() ? "nothing found for “" + query.get().strip() + "”"
                : hits.size() + " hit" + (hits.size() == 1 ? "" : "s"));
    }

    /** Selects the question whose span holds the hit. */
    public void jumpTo(SearchHit hit) {
        Optional<AnswerReview> at = debrief.answerAt(hit.atMs());
        at.flatMap(r -> answers.stream().filter(i -> i.review() == r).findFirst()).ifPresent(selected::set);
        if (at.isEmpty()) {
            status.set("that was said before the first question");
        }
    }

    /** Stores the item's note and rating. */
    public void saveReview(AnswerItem item) {
        store.setAnswerNote(item.questionId(), item.noteProperty().get());
        store.setAnswerRating(item.questionId(), item.ratingProperty().get());
        status.set("review of Q" + item.review().number() + " saved");
    }
}
