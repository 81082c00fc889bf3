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
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The debrief of one session as properties and commands, with no UI node inside: the view binds to
 * it, tests drive it directly. Used on the FX thread; the database is read and written through the
 * {@link TaskExecutor} (a serial lane in the app, so searches and saves happen in the order asked).
 */
public final class DebriefViewModel {
    private final SessionStore store;
    private Debrief debrief;
    private final javafx.beans.property.ReadOnlyBooleanWrapper judged =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "judged");
    private final TaskExecutor tasks;
    private final DebriefBuilder builder;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableList<AnswerItem> answers = FXCollections.observableArrayList();
    private final ObjectProperty<AnswerItem> selected = new SimpleObjectProperty<>(this, "selected");

    /**
     * Reads and analyses a stored session: database work, so off the FX thread.
     *
     * @throws IllegalArgumentException when there is no such session
     */
    public static Debrief load(SessionStore store, long sessionId, DebriefBuilder builder) {
        return builder.build(store.load(sessionId)
                .orElseThrow(() -> new IllegalArgumentException("no session " + sessionId)));
    }

    /**
     * A stored session's debrief with its key points not judged yet ({@link DebriefBuilder#outline}):
     * quick, so the window shows it at once and {@link #judgeKeyPoints} judges them. Off the FX thread.
     *
     * @throws IllegalArgumentException when there is no such session
     */
    public static Debrief outline(SessionStore store, long sessionId, DebriefBuilder builder) {
        return builder.outline(store.load(sessionId)
                .orElseThrow(() -> new IllegalArgumentException("no session " + sessionId)));
    }

    /** The view model of a debrief {@link #load loaded} in the background. FX thread. */
    public DebriefViewModel(SessionStore store, Debrief debrief, TaskExecutor tasks) {
        this(store, debrief, tasks, null);
    }

    /**
     * The view model of an {@link #outline}: its key points say they are being judged until
     * {@link #judgeKeyPoints} has judged them.
     */
    public static DebriefViewModel judgingLater(SessionStore store, Debrief outline, TaskExecutor tasks,
                                                DebriefBuilder builder) {
        return new DebriefViewModel(store, outline, tasks, builder, false);
    }

    /**
     * @param builder builds the debrief again for an export, so it carries the reviews saved since it
     *                was opened (null: the debrief as opened)
     */
    public DebriefViewModel(SessionStore store, Debrief debrief, TaskExecutor tasks, DebriefBuilder builder) {
        this(store, debrief, tasks, builder, true);
    }

    private DebriefViewModel(SessionStore store, Debrief debrief, TaskExecutor tasks, DebriefBuilder builder,
                             boolean judged) {
        this.judged.set(judged);
        this.builder = builder;
        this.store = store;
        this.debrief = debrief;
        this.tasks = tasks;
        readOnlyReason().ifPresent(status::set);
        SessionDetail detail = debrief.detail();
        long sessionId = detail.session().id();
        for (AnswerReview r : debrief.answers()) {
            answers.add(new AnswerItem(r, debrief.candidateRecorded(), judged));
        }
        title.set(SessionTitles.title(detail.session().kind(), detail.session().startedAt(), java.time.ZoneId.systemDefault()));
        SessionAnalytics a = debrief.analytics();
        String delivery = !debrief.candidateRecorded() ? "your side was not recorded"
                : a.me().typedOnly()
                ? String.format(Locale.ROOT, "you typed your answers: %d filler words, pace and talk time not measured",
                        a.me().fillerCount())
                : String.format(Locale.ROOT, "you: %.0f words/min, %d filler words, %.0f %% of the talking",
                        a.me().wordsPerMinute(), a.me().fillerCount(), 100 * a.talk().meShare());
        String target = debrief.candidateRecorded()
                ? String.format(Locale.ROOT, " · %d of %d answers in the 1–2 min target", a.onTarget(), a.answered()) : "";
        summary.set(String.format(Locale.ROOT, "%d question%s · %s%s%s",
                answers.size(), answers.size() == 1 ? "" : "s", delivery, target,
                switch (detail.session().status()) {
                    case RECORDING -> " · still recording";
                    case INTERRUPTED -> " · ended unexpectedly";
                    case INCOMPLETE -> " · " + detail.session().lostWrites() + " part(s) could not be stored";
                    case STOPPED -> " · " + detail.session().stopped().map(st -> st.describe())
                            .orElse("stopped before the end");
                    case COMPLETE -> "";
                }));
        if (!answers.isEmpty()) {
            selected.set(answers.get(0));
        }
    }

    /** Judged by meaning (as {@code cuecard debrief show}) once the sentence model is loaded. */
    private record Judged(Debrief debrief, java.util.Optional<String> wordsOnly) {
    }

    /**
     * Judges every answer's key points as {@code cuecard debrief show} does ({@link DebriefBuilder#build}),
     * on {@code lane} — its own, so saves and searches do not wait behind it — and shows them when
     * done; says so in the status line when the sentence model could not load and words were used.
     * FX thread; nothing to do when already judged.
     *
     * @return the judging, to cancel when another debrief replaces this one
     */
    public java.util.concurrent.Future<?> judgeKeyPoints(TaskExecutor lane) {
        if (judged.get() || builder == null) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        SessionDetail detail = debrief.detail();
        return lane.submit(() -> new Judged(builder.build(detail), builder.wordsOnly()), j -> {
            for (int i = 0; i < answers.size(); i++) {
                answers.get(i).judged(j.debrief().answers().get(i));
            }
            debrief = j.debrief();
            judged.set(true);
            j.wordsOnly().ifPresent(w -> status.set(capitalized(w)));
        }, e -> status.set("Could not judge the key points: " + (e.getMessage() == null
                ? e.getClass().getSimpleName() : e.getMessage())));
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** True once the key points shown are judged (at once for a debrief built whole). */
    public javafx.beans.property.ReadOnlyBooleanProperty judgedProperty() {
        return judged.getReadOnlyProperty();
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

    public SessionAnalytics analytics() {
        return debrief.analytics();
    }

    /** The stored session shown. */
    public long sessionId() {
        return debrief.detail().session().id();
    }

    /** Selects the question whose span holds the hit. */
    public void jumpTo(SearchHit hit) {
        Optional<AnswerReview> at = debrief.answerAt(hit.atMs());
        at.flatMap(r -> answers.stream().filter(i -> i.review() == r).findFirst()).ifPresent(selected::set);
        if (at.isEmpty()) {
            status.set("That was said before the first question");
        }
    }

    /**
     * Writes the session as Markdown to {@code file} (in the background, after the saves asked for
     * before it; the status line says where it went or why it could not).
     */
    public void exportMarkdown(java.nio.file.Path file) {
        long id = debrief.detail().session().id();
        status.set("Exporting to " + file.getFileName() + "…");
        tasks.run(() -> {
            Debrief now = builder == null ? debrief : load(store, id, builder);
            java.nio.file.Files.writeString(file,
                    new dev.cuecard.session.debrief.MarkdownExport(java.time.ZoneId.systemDefault()).render(now));
        }, () -> status.set("Exported to " + file), e -> status.set("Could not export to " + file + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
    }

    /** A file name for the export: the session's start, so exports of several sessions sort by date. */
    public String exportFileName() {
        return "cuecard-session-" + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT)
                .withZone(java.time.ZoneId.systemDefault()).format(debrief.detail().session().startedAt()) + ".md";
    }

    /**
     * Why notes and ratings cannot be saved — the database could only be opened for reading (a data
     * folder that cannot be written) — or empty when they can.
     */
    public Optional<String> readOnlyReason() {
        return store.readOnlyReason().map(why -> "Read-only: notes and ratings cannot be saved — " + why);
    }

    /** Stores the item's note and rating (in the background; the status line says when it is done). */
    public void saveReview(AnswerItem item) {
        if (readOnlyReason().isPresent()) {
            status.set(readOnlyReason().get());
            return;
        }
        long questionId = item.questionId();
        String note = item.noteProperty().get();
        Integer rating = item.ratingProperty().get();
        int number = item.review().number();
        status.set("Saving the review of Q" + number + "…");
        tasks.run(() -> store.transaction(() -> {
            store.setAnswerNote(questionId, note);
            store.setAnswerRating(questionId, rating);
        }), () -> status.set("Review of Q" + number + " saved"),
                e -> status.set("Could not save the review of Q" + number + ": " + e.getMessage()));
    }
}
