package dev.cuecard.ui.debrief;

import dev.cuecard.coverage.SemanticCoverage;
import dev.cuecard.session.SearchHit;
import dev.cuecard.session.SessionKind;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.SessionSummary;
import dev.cuecard.session.debrief.DebriefBuilder;
import dev.cuecard.ui.TaskExecutor;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every stored session for the debrief window: the list (filtered by kind), a search across all
 * sessions, deleting one, and the debrief of the one opened. Properties and commands only, no
 * node; FX thread, with the database read and written through the {@link TaskExecutor} (a serial
 * lane in the app, so a delete and the list that follows it come in order).
 */
public final class SessionBrowserModel {
    private static final int SEARCH_LIMIT = 200;

    private final SessionStore store;
    private final DebriefBuilder builder;
    private final TaskExecutor tasks;
    /** Where key points are judged: a lane of its own, so the list, searches and saves never wait for it. */
    private final TaskExecutor judging;
    /** The shown debrief's key points being judged: cancelled when another debrief replaces it. */
    private java.util.concurrent.Future<?> judgingNow = java.util.concurrent.CompletableFuture.completedFuture(null);
    private List<SessionSummary> all = List.of();
    private final ObservableList<SessionSummary> sessions = FXCollections.observableArrayList();
    /** Null: every kind. */
    private final ObjectProperty<SessionKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<DebriefViewModel> opened = new ReadOnlyObjectWrapper<>(this, "opened");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    /** Which load or search a result belongs to: an older one's late answer is dropped. */
    private int loads;
    private int searches;

    public SessionBrowserModel(SessionStore store, DebriefBuilder builder, TaskExecutor tasks) {
        this(store, builder, tasks, tasks);
    }

    /**
     * @param judging where a debrief's key points are judged by meaning (long for an hour's
     *                interview the first time): the app gives it a lane of its own
     */
    public SessionBrowserModel(SessionStore store, DebriefBuilder builder, TaskExecutor tasks, TaskExecutor judging) {
        this.store = store;
        this.builder = builder;
        this.tasks = tasks;
        this.judging = judging;
        readOnlyReason().ifPresent(status::set);
        kind.addListener((o, a, k) -> {
            applyFilter();
            followFilter();
            if (!query.get().isBlank()) {
                search();
            }
        });
    }

    /**
     * A browser with its list read and {@code first} (or the newest session) loaded: database
     * work, so off the FX thread. The app opens the window with it.
     */
    public static SessionBrowserModel loaded(SessionStore store, DebriefBuilder builder, TaskExecutor tasks,
                                             OptionalLong first) {
        return loaded(store, builder, tasks, tasks, first);
    }

    /**
     * As {@link #loaded(SessionStore, DebriefBuilder, TaskExecutor, OptionalLong)}: the debrief opened
     * shows its key points being judged, on {@code judging}, while the window opens.
     */
    public static SessionBrowserModel loaded(SessionStore store, DebriefBuilder builder, TaskExecutor tasks,
                                             TaskExecutor judging, OptionalLong first) {
        SessionBrowserModel m = new SessionBrowserModel(store, builder, tasks, judging);
        m.all = store.list();
        m.sessions.setAll(m.all);
        long newest = m.all.stream().mapToLong(SessionSummary::id).findFirst().orElse(-1);
        long id = first.isPresent() && m.all.stream().anyMatch(s -> s.id() == first.getAsLong()) ? first.getAsLong() : newest;
        if (id >= 0) {
            DebriefViewModel vm = DebriefViewModel.judgingLater(store, DebriefViewModel.outline(store, id, builder), tasks,
                    builder);
            m.opened.set(vm);
            m.judgingNow = vm.judgeKeyPoints(judging);
        }
        return m;
    }

    /** Reads the list again (a session ended since); keeps the open one. */
    public void refresh() {
        tasks.submit(store::list, list -> {
            all = list;
            applyFilter();
        }, e -> status.set("Could not read the sessions: " + e.getMessage()));
    }

    /** The debrief shown belongs to the list shown: a session the filter hides gives way to the first it shows. */
    private void followFilter() {
        DebriefViewModel shown = opened.get();
        if (shown != null && sessions.stream().anyMatch(x -> x.id() == shown.sessionId())) {
            return;
        }
        ++loads; // a debrief still being read for the old list must not open over the new one
        judgingNow.cancel(true);
        opened.set(null);
        if (!sessions.isEmpty()) {
            open(sessions.get(0).id());
        }
    }

    private void applyFilter() {
        SessionKind k = kind.get();
        sessions.setAll(all.stream().filter(s -> k == null || s.kind() == k).toList());
        status.set(sessions.isEmpty() ? (all.isEmpty() ? "No sessions yet — run one, or the demo, first"
                : "No " + k.id() + " sessions") : "");
    }

    /** Opens a session's debrief (read in the background); {@code then} runs on it once shown. */
    public void open(long sessionId) {
        open(sessionId, vm -> { });
    }

    private void open(long sessionId, java.util.function.Consumer<DebriefViewModel> then) {
        DebriefViewModel current = opened.get();
        if (current != null && current.sessionId() == sessionId) {
            then.accept(current);
            return;
        }
        int load = ++loads;
        status.set("Opening…");
        tasks.submit(() -> DebriefViewModel.judgingLater(store, DebriefViewModel.outline(store, sessionId, builder), tasks,
                builder), vm -> {
            if (load != loads) {
                return;
            }
            status.set("");
            judgingNow.cancel(true);
            opened.set(vm);
            judgingNow = vm.judgeKeyPoints(judging);
            then.accept(vm);
        }, e -> status.set("Could not open that session: " + e.getMessage()));
    }

    /** Searches every session (of the chosen kind) for the query's words. */
    public void search() {
        String words = query.get();
        int search = ++searches;
        if (words == null || words.isBlank()) {
            hits.clear();
            status.set("");
            return;
        }
        status.set("Searching…");
        SessionKind k = kind.get();
        // the kind is part of the query: filtered after the limit, the newest sessions' hits of other
        // kinds filled it and an older practice session's were never found
        // one more than shown, to say when the list is cut ("200 hits in 1 session" read as all there was)
        tasks.submit(() -> store.search(words, OptionalLong.empty(), Optional.ofNullable(k), SEARCH_LIMIT + 1), all -> {
            if (search != searches) {
                return;
            }
            boolean cut = all.size() > SEARCH_LIMIT;
            List<SearchHit> found = cut ? all.subList(0, SEARCH_LIMIT) : all;
            hits.setAll(found);
            long inSessions = found.stream().map(SearchHit::sessionId).distinct().count();
            String where = " in " + inSessions + (inSessions == 1 ? " session" : " sessions");
            status.set(found.isEmpty() ? "Nothing found for “" + words.strip() + "”"
                    : cut ? "The newest " + SEARCH_LIMIT + " hits" + where + " — there are more; add a word to narrow it down"
                    : found.size() + (found.size() == 1 ? " hit" : " hits") + where);
        }, e -> status.set("Search failed: " + e.getMessage()));
    }

    /** Opens the hit's session and selects the question it belongs to. */
    public void openHit(SearchHit hit) {
        open(hit.sessionId(), vm -> vm.jumpTo(hit));
    }

    /**
     * Why sessions cannot be deleted here — the database could only be opened for reading (a data
     * folder that cannot be written) — or empty when they can.
     */
    public Optional<String> readOnlyReason() {
        // short: the narrow list column; the debrief beside it says why in full
        return store.readOnlyReason().map(why -> "Read-only: sessions cannot be deleted (the data folder cannot be "
                + "written)");
    }

    /** Deletes a session for good (the view asks first); the next one in the list opens if it was shown. */
    public void delete(SessionSummary s) {
        if (readOnlyReason().isPresent()) {
            status.set(readOnlyReason().get());
            return;
        }
        boolean wasOpen = opened.get() != null && opened.get().sessionId() == s.id();
        int index = sessions.indexOf(s);
        status.set("Deleting…");
        tasks.submit(() -> {
            store.delete(s.id());
            SemanticCoverage.forgetKept();
            return store.list();
        }, list -> {
            all = list;
            applyFilter();
            hits.removeIf(h -> h.sessionId() == s.id());
            if (wasOpen) {
                judgingNow.cancel(true);
                opened.set(null);
                if (!sessions.isEmpty()) {
                    open(sessions.get(Math.min(Math.max(0, index), sessions.size() - 1)).id());
                }
            }
            if (status.get().isEmpty() || status.get().equals("Deleting…")) {
                status.set("Deleted “" + SessionTitles.title(s, java.time.ZoneId.systemDefault()) + "”");
            }
        }, e -> status.set("Could not delete: " + e.getMessage()));
    }

    /** The summary of a listed session, for a search hit's label. */
    public Optional<SessionSummary> summary(long sessionId) {
        return all.stream().filter(s -> s.id() == sessionId).findFirst();
    }

    public ObservableList<SessionSummary> sessions() {
        return sessions;
    }

    public ObjectProperty<SessionKind> kindProperty() {
        return kind;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<SearchHit> hits() {
        return hits;
    }

    public ReadOnlyObjectProperty<DebriefViewModel> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
