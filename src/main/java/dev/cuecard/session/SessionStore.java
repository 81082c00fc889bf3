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

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    private final Path file;
    private final Connection db;
    private final Clock clock;
    private final List<String> notices;
    private final SessionQueries queries;
    private int transactionDepth;

    private SessionStore(Path file, Connection db, Clock clock, List<String> notices) {
        this.file = file;
        this.db = db;
        this.clock = clock;
        this.notices = notices;
        this.queries = new SessionQueries(db);
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
            Path moved;
            try {
                moved = DatabaseFiles.moveAside(f);
            } catch (IOException io) {
                throw new SessionStoreException("the session database " + f + " cannot be read (" + e.getMessage()
                        + ") and cannot be moved aside (" + io.getMessage() + "); move or delete it yourself", io);
            }
            String notice = "the session database " + f + " could not be read (" + e.getMessage() + "); it was moved to "
                    + moved + " and a new, empty one was started";
            LOG.warn(notice);
            LOG.debug("why the database was unreadable", e.getCause());
            notices.add(notice);
            try {
                return openChecked(f, clock, notices);
            } catch (UnreadableDatabaseException again) {
                throw new SessionStoreException("cannot start a new session database at " + f + ": " + again.getMessage(), again);
            }
        }
    }

    private static SessionStore openChecked(Path file, Clock clock, List<String> notices)
            throws UnreadableDatabaseException {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new SessionStoreException("cannot create the data folder " + file.getParent() + ": " + e.getMessage(), e);
        }
        DatabaseFiles.checkLooksLikeSqlite(file);
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        // writers take the lock when the transaction begins, so two processes never deadlock upgrading
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection db = null;
        try {
            db = config.createConnection("jdbc:sqlite:" + file);
            int version = SchemaMigrations.version(db);
            if (version > SchemaMigrations.latest()) {
                throw new SessionStoreException("the session database " + file + " was written by a newer version of "
                        + "Cuecard (schema " + version + "; this version knows up to " + SchemaMigrations.latest()
                        + "); update Cuecard, or set CUECARD_HOME to another folder — the file was left unchanged");
            }
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                // WAL + FULL: a commit survives a killed process and a power cut
                s.execute("PRAGMA synchronous = FULL");
                // deleted rows are overwritten, not just unlinked: "delete" leaves no readable trace
                s.execute("PRAGMA secure_delete = ON");
            }
            SchemaMigrations.migrate(db, SchemaMigrations.latest());
            SessionStore store = new SessionStore(file, db, clock, notices);
            store.closeInterruptedSessions();
            return store;
        } catch (SQLException e) {
            closeQuietly(db);
            if (DatabaseFiles.isCorruption(e)) {
                throw new UnreadableDatabaseException(e.getMessage(), e);
            }
            throw new SessionStoreException("cannot open the session database " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(db);
            throw e;
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

    /** Starts a session in state "recording", owned by this process. */
    public long startSession(SessionInfo info) {
        return write(() -> {
            try (PreparedStatement p = db.prepareStatement("INSERT INTO sessions (kind, status, started_at, title, "
                    + "them_device, me_device, speech_model, llm_model, writer_pid) VALUES (?, 'recording', ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, info.kind().id());
                p.setLong(2, clock.millis());
                p.setString(3, info.title());
                p.setString(4, info.themDevice());
                p.setString(5, info.meDevice());
                p.setString(6, info.speechModel());
                p.setString(7, info.llmModel());
                p.setLong(8, ProcessHandle.current().pid());
                p.executeUpdate();
            }
            return lastId();
        });
    }

    public void appendUtterance(long sessionId, Utterance u) {
        write(() -> {
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT INTO utterances (session_id, channel, start_ms, end_ms, text) VALUES (?, ?, ?, ?, ?)")) {
                p.setLong(1, sessionId);
                p.setString(2, u.channel().id());
                p.setLong(3, u.startMs());
                p.setLong(4, u.endMs());
                p.setString(5, u.text());
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
    public void finishSession(long sessionId) {
        update("UPDATE sessions SET status = 'complete', ended_at = ?, writer_pid = NULL WHERE id = ? AND status = 'recording'",
                clock.millis(), sessionId);
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
             ResultSet r = s.executeQuery("SELECT id, writer_pid, started_at FROM sessions WHERE status = 'recording'")) {
            while (r.next()) {
                long pid = r.getLong(2);
                if (r.wasNull() || !writerAlive(pid, Instant.ofEpochMilli(r.getLong(3)))) {
                    cutOff.add(r.getLong(1));
                }
            }
        }
        for (long id : cutOff) {
            update("UPDATE sessions SET status = 'interrupted', writer_pid = NULL, ended_at = started_at + "
                    + "coalesce((SELECT max(end_ms) FROM utterances WHERE session_id = ?), 0) WHERE id = ?", id, id);
            notices.add("session " + id + " was cut off before it ended; it is kept, marked interrupted");
        }
    }

    /** Alive = a process with that id exists and was started before the session (pids get reused). */
    private static boolean writerAlive(long pid, Instant sessionStart) {
        if (pid == ProcessHandle.current().pid()) {
            return true;
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
        return read(queries::scores);
    }

    /**
     * Full-text search over everything said and every hint, newest first; every word must occur
     * (words are matched by stem: "caching" finds "cache").
     *
     * @param sessionId only this session when present
     */
    public synchronized List<SearchHit> search(String words, OptionalLong sessionId, int limit) {
        return FtsQuery.of(words).map(q -> read(() -> queries.search(q, sessionId, limit))).orElse(List.of());
    }

    // ---- deleting ----

    /** Deletes a session and every trace of it (rows, index entries, freed pages, the WAL). */
    public boolean delete(long sessionId) {
        boolean deleted = write(() -> {
            try (PreparedStatement p = db.prepareStatement("DELETE FROM sessions WHERE id = ?")) {
                p.setLong(1, sessionId);
                return p.executeUpdate() == 1;
            }
        });
        checkpoint();
        return deleted;
    }

    /** "Delete all my data": every session, then the file is compacted so nothing old remains in it. */
    public synchronized int deleteAll() {
        int n = write(() -> {
            int sessions;
            // the update count would include rows removed by cascades and triggers
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM sessions")) {
                r.next();
                sessions = r.getInt(1);
            }
            try (Statement s = db.createStatement()) {
                s.executeUpdate("DELETE FROM sessions");
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

    private synchronized <T> T write(SqlWork<T> work) {
        try {
            if (transactionDepth > 0) {
                return work.run();
            }
            db.setAutoCommit(false);
            transactionDepth++;
            try {
                T result = work.run();
                db.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                transactionDepth--;
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private synchronized <T> T read(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private SessionStoreException failure(SQLException e) {
        if (DatabaseFiles.isCorruption(e)) {
            return new SessionStoreException("the session database " + file + " is damaged (" + e.getMessage()
                    + "); close Cuecard and rename the file to keep it; a new one is started in its place", e);
        }
        return new SessionStoreException("session database error: " + e.getMessage(), e);
    }
}
