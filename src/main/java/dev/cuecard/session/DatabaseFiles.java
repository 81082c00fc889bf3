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
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_PERM = 3;
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
        int primary = primaryCode(e);
        return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
    }

    private static int primaryCode(SQLException e) {
        int code = e instanceof SQLiteException se ? se.getResultCode().code : e.getErrorCode();
        return code & 0xff;
    }

    /** What SQLite's error means for what happens next. */
    static SessionStoreException.Reason reason(SQLException e) {
        if (e instanceof SQLiteException se && se.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_IOERR_SHMSIZE) {
            // the shared-memory file beside the database could not grow: what a full disk gives in WAL mode
            return SessionStoreException.Reason.DISK_FULL;
        }
        return switch (primaryCode(e)) {
            case SQLITE_FULL -> SessionStoreException.Reason.DISK_FULL;
            case SQLITE_READONLY, SQLITE_PERM -> SessionStoreException.Reason.READ_ONLY;
            case SQLITE_BUSY, SQLITE_LOCKED -> SessionStoreException.Reason.BUSY;
            case SQLITE_IOERR -> SessionStoreException.Reason.IO_ERROR;
            case SQLITE_CANTOPEN -> SessionStoreException.Reason.CANNOT_OPEN;
            case SQLITE_CORRUPT, SQLITE_NOTADB -> SessionStoreException.Reason.DAMAGED;
            default -> SessionStoreException.Reason.OTHER;
        };
    }

    /** SQLite's error in a few words a user can act on, with its code, e.g. "the disk is full (SQLITE_FULL)". */
    static String describe(SQLException e) {
        String code = e instanceof SQLiteException se ? se.getResultCode().name() : "SQLite error " + e.getErrorCode();
        String what = switch (reason(e)) {
            case DISK_FULL -> "the disk is full";
            case READ_ONLY -> "the database or its folder is read-only";
            case BUSY -> "another program keeps the database locked";
            case IO_ERROR -> "the disk failed a read or write";
            case CANNOT_OPEN -> "the database file cannot be opened or created";
            case DAMAGED -> "the database is damaged";
            default -> firstLine(e.getMessage());
        };
        return what + " (" + code + ")";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        // sqlite-jdbc messages look like "[SQLITE_CONSTRAINT_FOREIGNKEY] A foreign key ... (FOREIGN KEY constraint failed)"
        String line = s.lines().findFirst().orElse(s).strip();
        return line.startsWith("[") && line.indexOf(']') > 0 ? line.substring(line.indexOf(']') + 1).strip() : line;
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
