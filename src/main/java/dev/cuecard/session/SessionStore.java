package dev.cuecard.session;

import dev.cuecard.hint.Hint;
import dev.cuecard.question.DetectedQuestion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * All stored sessions: one SQLite file (WAL, foreign keys on, every commit synced to disk). One
 * connection serves every caller; its methods are serialised, and each write is a small
 * transaction of its own unless it runs inside {@link #transaction(Runnable)}.
 */
public final class SessionStore implements AutoCloseable {
    public static final String FILE_NAME = "cuecard.db";
    private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);
    /**
     * Caps the database at this many pages (SQLite's {@code max_page_count}): a full disk on demand,
     * for fault tests and for trying what the app does when the disk fills up.
     */
    public static final String MAX_PAGES_PROPERTY = "cuecard.db.maxPageCount";
    /** Sessions this JVM records without a lock file (a file system without locks), as "FILE#ID". */
    private static final java.util.Set<String> UNLOCKED_OWN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    private final Path file;
    private final Clock clock;
    private final List<String> notices;
    private final WriterLocks locks;
    /** Lock tokens of the sessions this store is recording. */
    private final java.util.Map<Long, String> ownLocks = new java.util.HashMap<>();
    /** Replaced when a damaged database is moved aside at run time. */
    private Connection db;
    private SessionQueries queries;
    /** Counts the databases this store has used: a writer whose session was in an older one starts it again. */
    private int generation;
    /** Set when the database was damaged and could not be replaced: nothing is written any more. */
    private SessionStoreException unusable;
    /** Set for a store opened by {@link #openReadOnly}: every write is refused with this. */
    private volatile SessionStoreException readOnly;
    /** Why {@link #openForReading} could only read: the failure to open for writing. */
    private volatile String readOnlyBecause;
    private int transactionDepth;

    private SessionStore(Path file, Connection db, Clock clock, List<String> notices) {
        this.file = file;
        this.db = db;
        this.clock = clock;
        this.notices = notices;
        this.queries = new SessionQueries(db);
        this.locks = new WriterLocks(file);
    }

    public static SessionStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    /**
     * Opens (creating or upgrading) the database. An unreadable file is moved aside and a fresh one
     * started, with a notice saying where the old one went; a database written by a newer version
     * is refused, untouched.
     */
    public static SessionStore open(Path file, Clock clock) {
        Path f = file.toAbsolutePath().normalize();
        List<String> notices = new ArrayList<>();
        try {
            return openChecked(f, clock, notices);
        } catch (UnreadableDatabaseException e) {
            notices.add(moveAside(f, e.getMessage(), e));
            try {
                return openChecked(f, clock, notices);
            } catch (UnreadableDatabaseException again) {
                throw new SessionStoreException(SessionStoreException.Reason.DAMAGED, "cannot start a new session "
                        + "database at " + f + ": " + again.getMessage(), again);
            }
        }
    }

    /**
     * Opens an existing database only to read it, for when it cannot be written (a read-only disk or
     * folder, a full disk) and the user only wants to see what is stored. Nothing is changed: no
     * upgrade, no session closed as interrupted, no WAL or lock file created; every write is refused.
     * Read through SQLite's read-only mode, which sees a WAL left by a writer, or — when not even its
     * shared-memory file can be made — as an immutable file (no WAL then exists to miss).
     */
    public static SessionStore openReadOnly(Path file) {
        Path f = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(f)) {
            throw new SessionStoreException(SessionStoreException.Reason.CANNOT_OPEN, "there is no session database at "
                    + f + " to read", null);
        }
        SQLException first = null;
        for (String mode : List.of("mode=ro", "immutable=1")) {
            Connection db = null;
            try {
                SQLiteConfig config = new SQLiteConfig();
                config.setReadOnly(true);
                config.setBusyTimeout(10_000);
                db = config.createConnection("jdbc:sqlite:" + f.toUri() + "?" + mode);
                int version = SchemaMigrations.version(db);
                try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM sessions")) {
                    r.next(); // reads the schema and the WAL's index: where a read-only open fails
                }
                if (version != SchemaMigrations.latest()) {
                    closeQuietly(db);
                    throw new SessionStoreException(SessionStoreException.Reason.READ_ONLY, "the session database " + f
                            + " is in the format of " + (version > SchemaMigrations.latest() ? "a newer" : "an older")
                            + " Cuecard (schema " + version + ", this version reads " + SchemaMigrations.latest()
                            + ") and cannot be " + (version > SchemaMigrations.latest() ? "read by this version"
                            : "upgraded while it cannot be written"), null);
                }
                SessionStore store = new SessionStore(f, db, Clock.systemUTC(), new ArrayList<>());
                store.readOnly = new SessionStoreException(SessionStoreException.Reason.READ_ONLY, "the session "
                        + "database " + f + " is open only for reading", null);
                return store;
            } catch (SQLException e) {
                closeQuietly(db);
                first = first == null ? e : first;
            }
        }
        throw new SessionStoreException(DatabaseFiles.reason(first), "cannot read the session database " + f + ": "
                + DatabaseFiles.describe(first), first);
    }

    /** Failures to open for writing after which reading what is stored still makes sense. */
    private static final java.util.Set<SessionStoreException.Reason> READ_ONLY_WILL_DO = java.util.EnumSet.of(
            SessionStoreException.Reason.READ_ONLY, SessionStoreException.Reason.DISK_FULL,
            SessionStoreException.Reason.CANNOT_OPEN, SessionStoreException.Reason.IO_ERROR);

    /**
     * For those who only read what is stored (the debrief, a practice plan): {@link #open(Path)}, or —
     * when the data folder cannot be written (a read-only or full disk) and a database is there —
     * {@link #openReadOnly(Path)}, with {@link #readOnlyReason()} saying why (the failure to open it
     * for writing). Anything else is thrown as it was: the first failure says what to fix.
     */
    public static SessionStore openForReading(Path file) {
        try {
            return open(file);
        } catch (SessionStoreException e) {
            if (!READ_ONLY_WILL_DO.contains(e.reason()) || !Files.isRegularFile(file)) {
                throw e;
            }
            SessionStore store;
            try {
                store = openReadOnly(file);
            } catch (SessionStoreException readFailed) {
                e.addSuppressed(readFailed);
                throw e;
            }
            store.readOnlyBecause = e.getMessage();
            return store;
        }
    }

    /** True for a store that only reads ({@link #openReadOnly}, {@link #openForReading}): every write is refused. */
    public boolean isReadOnly() {
        return readOnly != null;
    }

    /**
     * Why a store opened by {@link #openForReading} could only be opened for reading (the failure to
     * open it for writing); empty for a store that writes.
     */
    public Optional<String> readOnlyReason() {
        if (readOnly == null) {
            return Optional.empty();
        }
        return Optional.of(readOnlyBecause != null ? readOnlyBecause : readOnly.getMessage());
    }

    /** Renames an unreadable database (with its WAL) and says where it went; it is never written again. */
    private static String moveAside(Path f, String why, Throwable cause) {
        Path moved;
        try {
            moved = DatabaseFiles.moveAside(f);
        } catch (IOException io) {
            throw new SessionStoreException(SessionStoreException.Reason.DAMAGED, "the session database " + f
                    + " cannot be read (" + why + ") and cannot be moved aside (" + io.getMessage()
                    + "); move or delete it yourself, or set CUECARD_HOME to another folder", io);
        }
        String notice = "the session database " + f + " could not be read (" + why + "); it was moved to "
                + moved + " and a new, empty one was started";
        LOG.warn(notice);
        LOG.debug("why the database was unreadable", cause);
        return notice;
    }

    private static SessionStore openChecked(Path file, Clock clock, List<String> notices)
            throws UnreadableDatabaseException {
        Connection db = connect(file);
        try {
            SessionStore store = new SessionStore(file, db, clock, notices);
            store.closeInterruptedSessions();
            return store;
        } catch (SQLException e) {
            closeQuietly(db);
            throw new SessionStoreException(DatabaseFiles.reason(e), "cannot open the session database " + file + ": "
                    + DatabaseFiles.describe(e) + DataFolder.advice(DatabaseFiles.reason(e), file), e);
        } catch (RuntimeException e) {
            closeQuietly(db);
            throw e;
        }
    }

    /** Opens, checks and creates or upgrades the database file. */
    private static Connection connect(Path file) throws UnreadableDatabaseException {
        DataFolder.prepare(file);
        DatabaseFiles.checkLooksLikeSqlite(file);
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        // migrations take the write lock when they begin, so two processes never deadlock upgrading
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection db = null;
        try {
            db = config.createConnection("jdbc:sqlite:" + file);
            int version = SchemaMigrations.version(db);
            if (version > SchemaMigrations.latest()) {
                throw new SessionStoreException(SessionStoreException.Reason.NEWER_SCHEMA, "the session database "
                        + file + " was written by a newer version of Cuecard (schema " + version + "; this version "
                        + "knows up to " + SchemaMigrations.latest() + "); update Cuecard, or set CUECARD_HOME to "
                        + "another folder — the file was left unchanged");
            }
            if (version < 0) {
                // no Cuecard version writes that: another program's file, or a damaged header
                throw new UnreadableDatabaseException("its schema version (" + version + ") is not one Cuecard writes",
                        null);
            }
            quickCheck(db);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                // WAL + FULL: a commit survives a killed process and a power cut
                s.execute("PRAGMA synchronous = FULL");
                // deleted rows are overwritten, not just unlinked: "delete" leaves no readable trace
                s.execute("PRAGMA secure_delete = ON");
            }
            SchemaMigrations.migrate(db, SchemaMigrations.latest());
            String maxPages = System.getProperty(MAX_PAGES_PROPERTY);
            if (maxPages != null) {
                try (Statement s = db.createStatement()) {
                    s.execute("PRAGMA max_page_count = " + Long.parseLong(maxPages.strip()));
                }
            }
            return db;
        } catch (SQLException e) {
            closeQuietly(db);
            if (DatabaseFiles.isCorruption(e)) {
                throw new UnreadableDatabaseException(DatabaseFiles.describe(e), e);
            }
            throw new SessionStoreException(DatabaseFiles.reason(e), "cannot open the session database " + file + ": "
                    + DatabaseFiles.describe(e) + DataFolder.advice(DatabaseFiles.reason(e), file), e);
        } catch (RuntimeException | UnreadableDatabaseException e) {
            closeQuietly(db);
            throw e;
        }
    }

    /**
     * SQLite's quick check of every page (a damaged page anywhere, not only the header, makes the
     * file unreadable; it is then moved aside). Cost: one read of the file.
     */
    private static void quickCheck(Connection db) throws SQLException, UnreadableDatabaseException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA quick_check(3)")) {
            List<String> problems = new ArrayList<>();
            while (r.next()) {
                problems.add(r.getString(1));
            }
            if (!problems.equals(List.of("ok"))) {
                throw new UnreadableDatabaseException("damaged pages: " + String.join("; ", problems), null);
            }
        }
    }

    private static void closeQuietly(Connection db) {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException ignored) {
                // already failing; the first error is the one to report
            }
        }
    }

    public Path file() {
        return file;
    }

    /** Things the user should be told about opening (a database moved aside, sessions closed as interrupted). */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    // ---- recording ----

    /**
     * Starts a session in state "recording", owned by this process: it holds a lock file until the
     * session is finished, so another process sees it was cut off if this one dies.
     */
    public synchronized long startSession(SessionInfo info) {
        Optional<String> lock = locks.acquire();
        try {
            long id = insertSession(info, lock.orElse(null));
            if (lock.isPresent()) {
                ownLocks.put(id, lock.get());
            } else {
                UNLOCKED_OWN.add(file + "#" + id);
            }
            return id;
        } catch (RuntimeException e) {
            lock.ifPresent(locks::release);
            throw e;
        }
    }

    private long insertSession(SessionInfo info, String lockToken) {
        return write(() -> {
            try (PreparedStatement p = db.prepareStatement("INSERT INTO sessions (kind, status, started_at, title, "
                    + "them_device, me_device, speech_model, llm_model, writer_pid, writer_lock) "
                    + "VALUES (?, 'recording', ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, info.kind().id());
                p.setLong(2, clock.millis());
                p.setString(3, info.title());
                p.setString(4, info.themDevice());
                p.setString(5, info.meDevice());
                p.setString(6, info.speechModel());
                p.setString(7, info.llmModel());
                p.setLong(8, ProcessHandle.current().pid());
                p.setString(9, lockToken);
                p.executeUpdate();
            }
            return lastId();
        });
    }

    public void appendUtterance(long sessionId, Utterance u) {
        write(() -> {
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT INTO utterances (session_id, channel, start_ms, end_ms, text, typed) VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, sessionId);
                p.setString(2, u.channel().id());
                p.setLong(3, u.startMs());
                p.setLong(4, u.endMs());
                p.setString(5, u.text());
                p.setInt(6, u.typed() ? 1 : 0);
                p.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Stores a detected question; a refinement (same number) updates it in place.
     *
     * @param startMs where the interviewer's utterance holding the question began
     */
    public void recordQuestion(long sessionId, DetectedQuestion q, long startMs) {
        write(() -> {
            try (PreparedStatement p = db.prepareStatement("INSERT INTO questions (session_id, seq, text, category, "
                    + "template_id, confidence, start_ms, end_ms, decided_ms, early) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (session_id, seq) DO UPDATE SET text = excluded.text, category = excluded.category, "
                    + "template_id = excluded.template_id, confidence = excluded.confidence, end_ms = excluded.end_ms, "
                    + "decided_ms = excluded.decided_ms")) {
                p.setLong(1, sessionId);
                p.setInt(2, q.id());
                p.setString(3, q.text());
                p.setString(4, q.classification().category().id());
                p.setString(5, q.classification().templateId());
                p.setDouble(6, q.classification().confidence());
                p.setLong(7, Math.min(startMs, q.speechEndMs()));
                p.setLong(8, q.speechEndMs());
                p.setLong(9, q.atMs());
                p.setBoolean(10, q.early());
                p.executeUpdate();
            }
            recordDecision(sessionId, q);
            return null;
        });
    }

    /**
     * A question decided while it was being asked has been heard in full: its stored words and end
     * become the whole utterance's (the card and the decisions that led to it stay as they were).
     */
    public void recordQuestionHeard(long sessionId, DetectedQuestion q) {
        write(() -> {
            try (PreparedStatement p = db.prepareStatement("UPDATE questions SET text = ?, end_ms = max(end_ms, ?), "
                    + "start_ms = CASE WHEN ? >= 0 THEN min(start_ms, ?) ELSE start_ms END "
                    + "WHERE session_id = ? AND seq = ?")) {
                p.setString(1, q.text());
                p.setLong(2, q.speechEndMs());
                p.setLong(3, q.startMs());
                p.setLong(4, q.startMs());
                p.setLong(5, sessionId);
                p.setInt(6, q.id());
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Remembers one decision about a question's card (the first one or a change) with its reason. */
    private void recordDecision(long sessionId, DetectedQuestion q) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO question_decisions (session_id, seq, decided_ms, "
                + "text, category, template_id, confidence, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, sessionId);
            p.setInt(2, q.id());
            p.setLong(3, q.atMs());
            p.setString(4, q.text());
            p.setString(5, q.classification().category().id());
            p.setString(6, q.classification().templateId());
            p.setDouble(7, q.classification().confidence());
            p.setString(8, q.reason().id());
            p.executeUpdate();
        }
    }

    /**
     * Stores a hint shown for question number {@code questionSeq}; its latency is counted from the
     * end of the question as heard.
     *
     * @return false when that question is not stored (the hint is then dropped)
     */
    boolean recordHint(long sessionId, int questionSeq, Hint hint, long shownMs) {
        return write(() -> {
            try (PreparedStatement p = db.prepareStatement("INSERT INTO hints (session_id, question_id, source, "
                    + "title, content, text, shown_ms, latency_ms) SELECT ?, q.id, ?, ?, ?, ?, ?, max(0, ? - q.end_ms) "
                    + "FROM questions q WHERE q.session_id = ? AND q.seq = ?")) {
                p.setLong(1, sessionId);
                p.setString(2, hint.source().id());
                p.setString(3, hint.title() == null ? "" : hint.title());
                p.setString(4, HintCodec.json(hint));
                p.setString(5, HintCodec.plainText(hint));
                p.setLong(6, shownMs);
                p.setLong(7, shownMs);
                p.setLong(8, sessionId);
                p.setInt(9, questionSeq);
                return p.executeUpdate() == 1;
            }
        });
    }

    /**
     * Stores the rubric's score of the answer to question number {@code questionSeq} (a new score
     * replaces the old one).
     *
     * @return false when that question is not stored
     */
    public boolean recordScore(long sessionId, int questionSeq, double total, String breakdownJson, String followUp) {
        return write(() -> {
            try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO answer_scores (question_id, session_id, "
                    + "total, breakdown, follow_up, scored_at) SELECT q.id, ?, ?, ?, ?, ? FROM questions q "
                    + "WHERE q.session_id = ? AND q.seq = ?")) {
                p.setLong(1, sessionId);
                p.setDouble(2, total);
                p.setString(3, breakdownJson);
                p.setString(4, followUp);
                p.setLong(5, clock.millis());
                p.setLong(6, sessionId);
                p.setInt(7, questionSeq);
                return p.executeUpdate() == 1;
            }
        });
    }

    /** Stores a key point the live coach ticked in the answer to question {@code questionSeq} (once per point). */
    public void recordCoverage(long sessionId, int questionSeq, String point, long atMs) {
        write(() -> {
            try (PreparedStatement p = db.prepareStatement("INSERT OR IGNORE INTO answer_coverage (session_id, seq, point, "
                    + "at_ms) VALUES (?, ?, ?, ?)")) {
                p.setLong(1, sessionId);
                p.setInt(2, questionSeq);
                p.setString(3, point);
                p.setLong(4, atMs);
                return p.executeUpdate();
            }
        });
    }

    /** Stores how the answer to question {@code questionSeq} was delivered, as the live coach measured it. */
    public void recordAnswerEnd(long sessionId, int questionSeq, long durationMs, double wordsPerMinute, int fillers,
                                String followUp, long atMs) {
        write(() -> {
            try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO answer_delivery (session_id, seq, "
                    + "duration_ms, words_per_minute, fillers, follow_up, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, sessionId);
                p.setInt(2, questionSeq);
                p.setLong(3, durationMs);
                p.setDouble(4, wordsPerMinute);
                p.setInt(5, fillers);
                p.setString(6, followUp);
                p.setLong(7, atMs);
                return p.executeUpdate();
            }
        });
    }

    /** Adds LLM token use and cost to a session (the model name is kept when {@code model} is null). */
    public void addLlmUsage(long sessionId, String model, long inputTokens, long outputTokens, double costUsd) {
        update("UPDATE sessions SET llm_model = coalesce(?, llm_model), llm_input_tokens = llm_input_tokens + ?, "
                + "llm_output_tokens = llm_output_tokens + ?, llm_cost_usd = llm_cost_usd + ? WHERE id = ?",
                model, inputTokens, outputTokens, costUsd, sessionId);
    }

    /** Closes a recording session normally. */
    public synchronized void finishSession(long sessionId) {
        update("UPDATE sessions SET status = 'complete', ended_at = ?, writer_pid = NULL, writer_lock = NULL "
                + "WHERE id = ? AND status = 'recording'", clock.millis(), sessionId);
        releaseLock(sessionId);
    }

    /**
     * Closes a recording session that was stopped before the end of the recording it replayed: status
     * "stopped", with how far it got.
     */
    public synchronized void finishStopped(long sessionId, StoppedAt stopped) {
        update("UPDATE sessions SET status = 'stopped', ended_at = ?, writer_pid = NULL, writer_lock = NULL, "
                + "heard_ms = ?, recording_ms = ? WHERE id = ? AND status = 'recording'", clock.millis(),
                stopped.heardMs(), stopped.recordingMs().isPresent() ? stopped.recordingMs().getAsLong() : null,
                sessionId);
        releaseLock(sessionId);
    }

    /**
     * Closes a recording session whose writes could not all be stored: status "incomplete", with how
     * many were lost and why.
     */
    public synchronized void finishIncomplete(long sessionId, int lostWrites, String problem) {
        update("UPDATE sessions SET status = 'incomplete', ended_at = ?, writer_pid = NULL, writer_lock = NULL, "
                + "lost_writes = ?, storage_problem = ? WHERE id = ? AND status = 'recording'", clock.millis(),
                lostWrites, problem, sessionId);
        releaseLock(sessionId);
    }

    /** Lets go of a session's writer lock without closing it (it was lost with a replaced database). */
    synchronized void releaseLock(long sessionId) {
        UNLOCKED_OWN.remove(file + "#" + sessionId);
        String token = ownLocks.remove(sessionId);
        if (token != null) {
            locks.release(token);
        }
    }

    /**
     * Increases each time a damaged database is moved aside and a new one started while this store
     * is open; a session started under an older generation is not in the current database.
     */
    public synchronized int generation() {
        return generation;
    }

    /** Runs several writes as one transaction (joins the caller's transaction when one is open). */
    public void transaction(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Sessions still "recording" whose writing process is gone were cut off (crash, SIGKILL, power
     * loss): close them as interrupted, ending at their last stored speech, and keep everything.
     */
    private void closeInterruptedSessions() throws SQLException {
        List<Long> cutOff = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT id, writer_pid, started_at, writer_lock FROM sessions "
                     + "WHERE status = 'recording'")) {
            while (r.next()) {
                long id = r.getLong(1);
                long pid = r.getLong(2);
                boolean noPid = r.wasNull();
                Instant started = Instant.ofEpochMilli(r.getLong(3));
                String lock = r.getString(4);
                Optional<Boolean> held = lock == null ? Optional.empty() : locks.held(lock);
                // no lock file (an older version, or a file system without locks): the pid and its start time
                boolean alive = held.orElseGet(() -> !noPid && writerAlive(id, pid, started));
                if (!alive) {
                    cutOff.add(id);
                }
            }
        }
        for (long id : cutOff) {
            update("UPDATE sessions SET status = 'interrupted', writer_pid = NULL, writer_lock = NULL, ended_at = started_at + "
                    + "coalesce((SELECT max(end_ms) FROM utterances WHERE session_id = ?), 0) WHERE id = ?", id, id);
            notices.add("session " + id + " was cut off before it ended; it is kept, marked interrupted");
        }
    }

    /**
     * For sessions without a lock file (older versions, file systems without locks): alive = a
     * process with that id exists and was started before the session (pids get reused). A session
     * with this process's own pid but no lock is not this process's: it never records without
     * either a lock or an entry in {@link #UNLOCKED_OWN}.
     */
    private boolean writerAlive(long sessionId, long pid, Instant sessionStart) {
        if (pid == ProcessHandle.current().pid()) {
            return UNLOCKED_OWN.contains(file + "#" + sessionId);
        }
        return ProcessHandle.of(pid)
                .map(h -> h.info().startInstant().map(started -> !started.isAfter(sessionStart)).orElse(true))
                .orElse(false);
    }

    // ---- review ----

    public void setSessionNote(long sessionId, String note) {
        update("UPDATE sessions SET note = ? WHERE id = ?", blankToNull(note), sessionId);
    }

    /** The user's note on the answer to a question ({@link StoredQuestion#id()}). */
    public void setAnswerNote(long questionId, String note) {
        update("UPDATE questions SET note = ? WHERE id = ?", blankToNull(note), questionId);
    }

    /** The user's 1–5 rating of an answer; null clears it. */
    public void setAnswerRating(long questionId, Integer rating) {
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new IllegalArgumentException("a rating is 1 to 5, not " + rating);
        }
        update("UPDATE questions SET rating = ? WHERE id = ?", rating, questionId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- reading ----

    public synchronized List<SessionSummary> list() {
        return read(queries::list);
    }

    public synchronized Optional<SessionSummary> summary(long sessionId) {
        return read(() -> queries.summary(sessionId));
    }

    public synchronized Optional<SessionDetail> load(long sessionId) {
        return read(() -> queries.detail(sessionId));
    }

    /** Every decision about the session's cards (first cards and changes), in order. */
    public synchronized List<QuestionDecision> decisions(long sessionId) {
        return read(() -> queries.decisions(sessionId));
    }

    /** Every stored score, oldest first (weak topics, progress over time). */
    public synchronized List<StoredScore> scores() {
        return read(() -> queries.scores(java.util.OptionalLong.empty()));
    }

    /**
     * Full-text search over everything said and every hint, newest first; every word must occur
     * (words are matched by stem: "caching" finds "cache").
     *
     * @param sessionId only this session when present
     */
    public synchronized List<SearchHit> search(String words, OptionalLong sessionId, int limit) {
        return search(words, sessionId, Optional.empty(), limit);
    }

    /** As {@link #search(String, OptionalLong, int)}, in the sessions of one kind when {@code kind} is present. */
    public synchronized List<SearchHit> search(String words, OptionalLong sessionId, Optional<SessionKind> kind, int limit) {
        return FtsQuery.of(words).map(q -> read(() -> queries.search(q, sessionId, kind, limit))).orElse(List.of());
    }

    // ---- deleting ----

    /**
     * Deletes a session and every trace of it (rows, index entries, freed pages, the WAL).
     *
     * @return false when there is no such session
     * @throws SessionRecordingException when it is still being recorded (sessions whose writer is
     *         gone were closed as interrupted when the store opened)
     */
    public boolean delete(long sessionId) {
        boolean deleted = write(() -> {
            try (PreparedStatement p = db.prepareStatement("SELECT 1 FROM sessions WHERE id = ? AND status = 'recording'")) {
                p.setLong(1, sessionId);
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        throw new SessionRecordingException(sessionId);
                    }
                }
            }
            try (PreparedStatement p = db.prepareStatement("DELETE FROM sessions WHERE id = ?")) {
                p.setLong(1, sessionId);
                return p.executeUpdate() == 1;
            }
        });
        checkpoint();
        return deleted;
    }

    /**
     * "Delete all my data": every session, then the file is compacted so nothing old remains in it.
     * Sessions still being recorded are kept (see {@link #delete}): their writers go on storing them.
     *
     * @return how many sessions were deleted
     */
    public synchronized int deleteAll() {
        int n = write(() -> {
            int sessions;
            // the update count would include rows removed by cascades and triggers
            try (Statement s = db.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*) FROM sessions WHERE status <> 'recording'")) {
                r.next();
                sessions = r.getInt(1);
            }
            try (Statement s = db.createStatement()) {
                s.executeUpdate("DELETE FROM sessions WHERE status <> 'recording'");
            }
            return sessions;
        });
        read(() -> {
            for (String sql : List.of("INSERT INTO utterance_search (utterance_search) VALUES ('rebuild')",
                    "INSERT INTO hint_search (hint_search) VALUES ('rebuild')", "VACUUM")) {
                try (Statement s = db.createStatement()) {
                    s.execute(sql);
                }
            }
            return null;
        });
        checkpoint();
        return n;
    }

    /** Copies the WAL into the database and truncates it, so deleted content does not linger there. */
    private synchronized void checkpoint() {
        read(() -> {
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return null;
        });
    }

    /** As {@link #MAX_PAGES_PROPERTY}, on the open database (0 = SQLite's default limit); returns the limit now. */
    synchronized long limitPages(long pages) {
        return read(() -> {
            try (Statement s = db.createStatement();
                 ResultSet r = s.executeQuery("PRAGMA max_page_count = " + (pages <= 0 ? 4294967294L : pages))) {
                return r.next() ? r.getLong(1) : -1;
            }
        });
    }

    /** Pages the database file has now. */
    synchronized long pageCount() {
        return read(() -> {
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA page_count")) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    /** SQLite's own check of the file ("ok" when sound). */
    public synchronized String integrityCheck() {
        return read(() -> {
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                List<String> lines = new ArrayList<>();
                while (r.next()) {
                    lines.add(r.getString(1));
                }
                return String.join("; ", lines);
            }
        });
    }

    @Override
    public synchronized void close() {
        // sessions still recording keep no lock: the next start sees them cut off
        List.copyOf(ownLocks.keySet()).forEach(this::releaseLock);
        closeQuietly(db);
    }

    // ---- plumbing ----

    private long lastId() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT last_insert_rowid()")) {
            r.next();
            return r.getLong(1);
        }
    }

    private void update(String sql, Object... args) {
        write(() -> {
            try (PreparedStatement p = db.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    p.setObject(i + 1, args[i]);
                }
                return p.executeUpdate();
            }
        });
    }

    /** An SQL error inside an open transaction, carried to the code that began it. */
    private static final class InnerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SQLException sql;

        InnerFailure(SQLException sql) {
            super(sql.getMessage(), sql, false, false);
            this.sql = sql;
        }
    }

    /**
     * Runs {@code work} as one transaction of the current database, refused (as damaged) when the
     * database is no longer the one of {@code expectedGeneration}: a recorder's session ids are only
     * valid in the database it started them in.
     */
    synchronized void transaction(int expectedGeneration, Runnable work) {
        write(() -> {
            if (generation != expectedGeneration) {
                throw new SessionStoreException(SessionStoreException.Reason.DAMAGED, "the session database was "
                        + "replaced; the session must be started again in the new one", null);
            }
            work.run();
            return null;
        });
    }

    /**
     * One transaction (BEGIN IMMEDIATE … COMMIT), or part of the caller's. On failure the original
     * SQLite error is the one reported: a failed ROLLBACK (SQLite may already have rolled back, e.g.
     * on SQLITE_FULL) is only attached to it.
     */
    private synchronized <T> T write(SqlWork<T> work) {
        checkUsable();
        if (readOnly != null) {
            throw readOnly;
        }
        if (transactionDepth > 0) {
            try {
                return work.run();
            } catch (SQLException e) {
                throw new InnerFailure(e);
            }
        }
        try {
            execute("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            throw failure(e);
        }
        SQLException sqlFailure;
        transactionDepth++;
        try {
            T result = work.run();
            execute("COMMIT");
            transactionDepth--;
            return result;
        } catch (SQLException e) {
            sqlFailure = e;
        } catch (InnerFailure e) {
            sqlFailure = e.sql;
        } catch (RuntimeException | Error e) {
            transactionDepth--;
            rollbackAfter(e);
            throw e;
        }
        transactionDepth--;
        rollbackAfter(sqlFailure);
        throw failure(sqlFailure);
    }

    private void rollbackAfter(Throwable cause) {
        try {
            execute("ROLLBACK");
        } catch (SQLException r) {
            if (r.getMessage() == null || !r.getMessage().contains("no transaction is active")) {
                cause.addSuppressed(r);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private synchronized <T> T read(SqlWork<T> work) {
        checkUsable();
        try {
            return work.run();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void checkUsable() {
        if (unusable != null) {
            throw unusable;
        }
    }

    private SessionStoreException failure(SQLException e) {
        SessionStoreException.Reason reason = DatabaseFiles.reason(e);
        LOG.warn("session database {}: {}", file, e.getMessage());
        if (reason == SessionStoreException.Reason.DAMAGED) {
            return replaceDamaged(e);
        }
        return new SessionStoreException(reason, "the session database " + file + " failed: " + DatabaseFiles.describe(e)
                + DataFolder.advice(reason, file), e);
    }

    /**
     * Damage found at run time: the file is closed, moved aside (never written again) and a new,
     * empty database takes its place; sessions being recorded start again in it (see
     * {@link #generation()}). When that is impossible, the store refuses every later call.
     */
    private SessionStoreException replaceDamaged(SQLException e) {
        closeQuietly(db);
        List.copyOf(ownLocks.keySet()).forEach(this::releaseLock);
        generation++;
        String notice;
        try {
            notice = moveAside(file, DatabaseFiles.describe(e), e);
            db = connect(file);
            queries = new SessionQueries(db);
        } catch (SessionStoreException | UnreadableDatabaseException failed) {
            unusable = new SessionStoreException(SessionStoreException.Reason.DAMAGED, failed.getMessage(), failed);
            return unusable;
        }
        notices.add(notice);
        return new SessionStoreException(SessionStoreException.Reason.DAMAGED, notice, e);
    }
}
