package dev.cuecard.session;

import dev.cuecard.audio.Channel;
import dev.cuecard.question.Category;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The read side of {@link SessionStore}; called with the store's lock held. */
final class SessionQueries {
    private static final String SUMMARY = "SELECT s.id, s.kind, s.status, s.started_at, s.ended_at, s.title, "
            + "(SELECT count(*) FROM questions q WHERE q.session_id = s.id), "
            + "(SELECT count(*) FROM utterances u WHERE u.session_id = s.id), "
            + "(SELECT coalesce(max(u.end_ms), 0) FROM utterances u WHERE u.session_id = s.id), s.lost_writes, s.status, s.heard_ms, "
            + "s.recording_ms FROM sessions s ";

    private final Connection db;

    SessionQueries(Connection db) {
        this.db = db;
    }

    List<SessionSummary> list() throws SQLException {
        try (PreparedStatement p = db.prepareStatement(SUMMARY + "ORDER BY s.started_at DESC, s.id DESC")) {
            List<SessionSummary> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(summary(r));
                }
            }
            return out;
        }
    }

    private List<StoredCoverage> coverage(long sessionId) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT seq, point, at_ms FROM answer_coverage WHERE session_id = ? "
                + "ORDER BY seq, at_ms, id")) {
            p.setLong(1, sessionId);
            List<StoredCoverage> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new StoredCoverage(r.getInt(1), r.getString(2), r.getLong(3)));
                }
            }
            return out;
        }
    }

    private List<StoredAnswerEnd> answerEnds(long sessionId) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT seq, duration_ms, words_per_minute, fillers, follow_up, at_ms "
                + "FROM answer_delivery WHERE session_id = ? ORDER BY seq")) {
            p.setLong(1, sessionId);
            List<StoredAnswerEnd> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new StoredAnswerEnd(r.getInt(1), r.getLong(2), r.getDouble(3), r.getInt(4),
                            Optional.ofNullable(r.getString(5)), r.getLong(6)));
                }
            }
            return out;
        }
    }

    List<QuestionDecision> decisions(long sessionId) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT seq, decided_ms, text, category, template_id, confidence, "
                + "reason FROM question_decisions WHERE session_id = ? ORDER BY id")) {
            p.setLong(1, sessionId);
            List<QuestionDecision> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new QuestionDecision(r.getInt(1), r.getLong(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getDouble(6), r.getString(7)));
                }
            }
            return out;
        }
    }

    Optional<SessionSummary> summary(long id) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(SUMMARY + "WHERE s.id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(summary(r)) : Optional.empty();
            }
        }
    }

    private static SessionSummary summary(ResultSet r) throws SQLException {
        return new SessionSummary(r.getLong(1), SessionKind.fromId(r.getString(2)), SessionStatus.fromId(r.getString(3)),
                Instant.ofEpochMilli(r.getLong(4)), instant(r, 5), r.getString(6), r.getInt(7), r.getInt(8), r.getLong(9), r.getInt(10),
                stopped(r, 11));
    }

    /** From the columns status, heard_ms, recording_ms starting at {@code column}. */
    private static Optional<StoppedAt> stopped(ResultSet r, int column) throws SQLException {
        if (SessionStatus.fromId(r.getString(column)) != SessionStatus.STOPPED) {
            return Optional.empty();
        }
        long heard = Math.max(0, r.getLong(column + 1));
        long length = r.getLong(column + 2);
        return Optional.of(new StoppedAt(heard, r.wasNull() ? OptionalLong.empty() : OptionalLong.of(length)));
    }

    private static Optional<Instant> instant(ResultSet r, int column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }

    Optional<SessionDetail> detail(long id) throws SQLException {
        Optional<SessionRecord> session = record(id);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SessionDetail(session.get(), utterances(id), questions(id), hints(id), coverage(id),
                answerEnds(id), scores(OptionalLong.of(id))));
    }

    private Optional<SessionRecord> record(long id) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT id, kind, status, started_at, ended_at, title, them_device, "
                + "me_device, speech_model, llm_model, llm_input_tokens, llm_output_tokens, llm_cost_usd, note, lost_writes, "
                + "storage_problem, status, heard_ms, recording_ms "
                + "FROM sessions WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SessionRecord(r.getLong(1), SessionKind.fromId(r.getString(2)),
                        SessionStatus.fromId(r.getString(3)), Instant.ofEpochMilli(r.getLong(4)), instant(r, 5),
                        r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getLong(11),
                        r.getLong(12), r.getDouble(13), r.getString(14), r.getInt(15), r.getString(16),
                        stopped(r, 17)));
            }
        }
    }

    private List<Utterance> utterances(long sessionId) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT channel, start_ms, end_ms, text, typed FROM utterances "
                + "WHERE session_id = ? ORDER BY start_ms, id")) {
            p.setLong(1, sessionId);
            List<Utterance> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new Utterance(channel(r.getString(1)), r.getLong(2), r.getLong(3), r.getString(4),
                            r.getInt(5) != 0));
                }
            }
            return out;
        }
    }

    private List<StoredQuestion> questions(long sessionId) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT id, seq, text, category, template_id, confidence, start_ms, "
                + "end_ms, early, note, rating FROM questions WHERE session_id = ? ORDER BY start_ms, seq")) {
            p.setLong(1, sessionId);
            List<StoredQuestion> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    int rating = r.getInt(11);
                    Optional<Integer> rated = r.wasNull() ? Optional.empty() : Optional.of(rating);
                    out.add(new StoredQuestion(r.getLong(1), r.getInt(2), r.getString(3),
                            Category.fromId(r.getString(4)).orElse(Category.NONE), r.getString(5), r.getDouble(6),
                            r.getLong(7), r.getLong(8), r.getBoolean(9), r.getString(10), rated));
                }
            }
            return out;
        }
    }

    private List<StoredHint> hints(long sessionId) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT id, question_id, source, content, shown_ms, latency_ms "
                + "FROM hints WHERE session_id = ? ORDER BY shown_ms, id")) {
            p.setLong(1, sessionId);
            List<StoredHint> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long latency = r.getLong(6);
                    Optional<Long> lat = r.wasNull() ? Optional.empty() : Optional.of(latency);
                    out.add(new StoredHint(r.getLong(1), r.getLong(2), r.getString(3),
                            HintCodec.fromJson(r.getString(4)), r.getLong(5), lat));
                }
            }
            return out;
        }
    }

    /**
     * Newest session first, each session's hits in the order said. Both tables are asked for their
     * first {@code limit} hits in that same order, so the two merged are the first {@code limit} of all.
     * (Not row-id order: a session recorded while another was, or a limit that cut into an older
     * session, left out that session's first hits and showed later ones; FTS5 finds every match of
     * a common word in milliseconds either way.)
     *
     * @param kind only sessions of this kind when present (filtered before the limit, not after)
     */
    List<SearchHit> search(String ftsQuery, OptionalLong sessionId, Optional<SessionKind> kind, int limit)
            throws SQLException {
        String scope = (sessionId.isPresent() ? " AND x.session_id = ?" : "") + (kind.isPresent() ? " AND s.kind = ?" : "");
        String order = " ORDER BY s.started_at DESC, s.id DESC, 5, x.id LIMIT ?";
        String utterances = "SELECT x.session_id, s.started_at, 'utterance', x.channel, x.start_ms, x.text, "
                + "snippet(utterance_search, 0, '[', ']', '…', 12) FROM utterance_search "
                + "JOIN utterances x ON x.id = utterance_search.rowid JOIN sessions s ON s.id = x.session_id "
                + "WHERE utterance_search MATCH ?" + scope + order;
        String hints = "SELECT x.session_id, s.started_at, 'hint', NULL, x.shown_ms, x.title, "
                // a card's text is its title, gist and points on lines of their own: one line in a hit
                + "replace(snippet(hint_search, 0, '[', ']', '…', 12), char(10), ' · ') FROM hint_search "
                + "JOIN hints x ON x.id = hint_search.rowid JOIN sessions s ON s.id = x.session_id "
                + "WHERE hint_search MATCH ?" + scope + order;
        List<SearchHit> hits = new ArrayList<>();
        for (String sql : List.of(utterances, hints)) {
            try (PreparedStatement p = db.prepareStatement(sql)) {
                int i = 1;
                p.setString(i++, ftsQuery);
                if (sessionId.isPresent()) {
                    p.setLong(i++, sessionId.getAsLong());
                }
                if (kind.isPresent()) {
                    p.setString(i++, kind.get().id());
                }
                p.setInt(i, limit);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        hits.add(new SearchHit(r.getLong(1), Instant.ofEpochMilli(r.getLong(2)), r.getString(3),
                                r.getString(4), r.getLong(5), r.getString(6), r.getString(7)));
                    }
                }
            }
        }
        hits.sort(Comparator.comparing(SearchHit::sessionStartedAt).reversed()
                .thenComparing(SearchHit::sessionId, Comparator.reverseOrder())
                .thenComparingLong(SearchHit::atMs));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    private static Channel channel(String id) {
        return "me".equals(id) ? Channel.ME : Channel.THEM;
    }

    /** Every stored score, or one session's. */
    List<StoredScore> scores(OptionalLong sessionId) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT a.question_id, a.session_id, s.kind, q.category, "
                + "q.template_id, q.text, a.total, a.breakdown, a.follow_up, a.scored_at FROM answer_scores a "
                + "JOIN questions q ON q.id = a.question_id JOIN sessions s ON s.id = a.session_id "
                + (sessionId.isPresent() ? "WHERE a.session_id = ? " : "") + "ORDER BY a.scored_at, a.question_id")) {
            if (sessionId.isPresent()) {
                p.setLong(1, sessionId.getAsLong());
            }
            List<StoredScore> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new StoredScore(r.getLong(1), r.getLong(2), SessionKind.fromId(r.getString(3)),
                            Category.fromId(r.getString(4)).orElse(Category.NONE), r.getString(5), r.getString(6),
                            r.getDouble(7), r.getString(8), r.getString(9), Instant.ofEpochMilli(r.getLong(10))));
                }
            }
            return out;
        }
    }
}
