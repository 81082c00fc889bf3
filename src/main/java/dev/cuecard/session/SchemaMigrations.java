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
     * V006 is taken on another branch; when it lands it goes before V007 (a database already at 7
     * from this branch's builds would then lack its tables: development databases only).
     */
    static final List<String> FILES = List.of("V001__sessions.sql", "V002__review_and_search.sql",
            "V003__answer_scores.sql", "V004__question_decisions.sql", "V005__drop_hint_level.sql",
            "V007__answer_coverage.sql");

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

    /** Applies the migrations after the database's version up to {@code target}. */
    static void migrate(Connection db, int target) throws SQLException {
        if (target > latest()) {
            throw new IllegalArgumentException("no migration " + target);
        }
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            // the number in a file's name is its version, so branches can reserve numbers (V007 before
            // V006 lands); re-read inside the (immediate) transaction: another process may have migrated meanwhile
            for (String file : FILES) {
                int v = versionOf(file);
                if (v > version(db) && v <= target) {
                    s.executeUpdate(sql(file));
                    s.executeUpdate("PRAGMA user_version = " + v);
                    db.commit();
                }
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
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
