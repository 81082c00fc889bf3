package dev.cuecard.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Numbered SQL files under {@code dev/cuecard/db/}, applied in order. The schema version is
 * SQLite's {@code PRAGMA user_version}: it lives in the database header and changes in the same
 * transaction as the migration (SQLite DDL is transactional), so a migration either happens
 * entirely or not at all, and a database from a newer app is recognised by a bigger number.
 */
final class SchemaMigrations {
    /**
     * Append only, in version order: a released file never changes, a schema change is a new file.
     * A file's version is the number in its name (V006 and V007 were written on parallel branches).
     */
    static final List<String> FILES = List.of("V001__sessions.sql", "V002__review_and_search.sql",
            "V003__answer_scores.sql", "V004__question_decisions.sql", "V005__drop_hint_level.sql",
            "V006__incomplete_sessions.sql", "V007__answer_coverage.sql", "V008__typed_answers.sql",
            "V009__stopped_replays.sql");

    private SchemaMigrations() {
    }

    /** The version a file brings the database to: the number in its name (V007__… → 7). */
    static int versionOf(String file) {
        return Integer.parseInt(file.substring(1, file.indexOf("__")));
    }

    static int latest() {
        return versionOf(FILES.get(FILES.size() - 1));
    }

    static int version(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    /**
     * Applies the migrations after the database's version up to {@code target}. Foreign keys are off
     * while they run (a migration may rebuild a table; SQLite only allows switching them outside a
     * transaction) and are checked before the commit.
     */
    static void migrate(Connection db, int target) throws SQLException {
        if (target > latest()) {
            throw new IllegalArgumentException("no migration " + target);
        }
        if (version(db) >= target) {
            return;
        }
        boolean autoCommit = db.getAutoCommit();
        boolean foreignKeys = pragma(db, "foreign_keys") == 1;
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
        }
        Exception failure = null;
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            // the number in a file's name is its version; re-read inside the (immediate) transaction:
            // another process may have migrated meanwhile
            for (String file : FILES) {
                int v = versionOf(file);
                if (v <= version(db) || v > target) {
                    continue;
                }
                s.executeUpdate(sql(file));
                s.executeUpdate("PRAGMA user_version = " + v);
                try (ResultSet broken = s.executeQuery("PRAGMA foreign_key_check")) {
                    if (broken.next()) {
                        throw new SQLException("migration " + file + " broke a foreign key in table "
                                + broken.getString(1));
                    }
                }
                db.commit();
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            failure = e;
            try {
                db.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r); // the first error is the one to report
            }
            throw e;
        } finally {
            try {
                db.setAutoCommit(autoCommit);
                if (foreignKeys) {
                    try (Statement s = db.createStatement()) {
                        s.execute("PRAGMA foreign_keys = ON");
                    }
                }
            } catch (SQLException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            }
        }
    }

    private static int pragma(Connection db, String name) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static String sql(String file) {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream("/dev/cuecard/db/" + file)) {
            if (in == null) {
                throw new IllegalStateException("migration " + file + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
