package dev.cuecard.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.sqlite.SQLiteException;

/** The database file on disk: is it a SQLite file at all, and moving an unreadable one aside. */
final class DatabaseFiles {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private DatabaseFiles() {
    }

    /** Cheap checks before SQLite sees the file (an empty or absent file becomes a new database). */
    static void checkLooksLikeSqlite(Path file) throws UnreadableDatabaseException {
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isReadable(file)) {
            throw new UnreadableDatabaseException("no permission to read it", null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(MAGIC.length);
            if (head.length > 0 && !Arrays.equals(head, MAGIC)) {
                throw new UnreadableDatabaseException("it is not a SQLite database", null);
            }
        } catch (IOException e) {
            throw new UnreadableDatabaseException("it cannot be read: " + e.getMessage(), e);
        }
    }

    /** SQLite's verdict that the file's content is damaged or is not a database. */
    static boolean isCorruption(SQLException e) {
        int code = e instanceof SQLiteException se ? se.getResultCode().code : e.getErrorCode();
        int primary = code & 0xff;
        return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
    }

    /**
     * Renames the file (and its WAL and shared-memory files, which belong to it) to
     * {@code NAME.unreadable-STAMP}, never replacing an existing file.
     */
    static Path moveAside(Path file) throws IOException {
        String base = file.getFileName() + ".unreadable-" + LocalDateTime.now().format(STAMP);
        Path target = file.resolveSibling(base);
        for (int n = 2; Files.exists(target) || Files.exists(sibling(target, "-wal")); n++) {
            target = file.resolveSibling(base + "-" + n);
        }
        Files.move(file, target);
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path companion = sibling(file, suffix);
            if (Files.exists(companion)) {
                Files.move(companion, sibling(target, suffix));
            }
        }
        return target;
    }

    static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }
}
