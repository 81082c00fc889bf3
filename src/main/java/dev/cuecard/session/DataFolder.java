package dev.cuecard.session;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The folder that holds the database: made when missing, with messages that say what to do. */
final class DataFolder {
    private DataFolder() {
    }

    /** Creates the database's folder; a file in its place or a read-only folder is a clear error. */
    static void prepare(Path databaseFile) {
        Path dir = databaseFile.getParent();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new SessionStoreException(SessionStoreException.Reason.CANNOT_OPEN, p + " is a file, not a "
                        + "folder, so the data folder " + dir + " cannot be created there; set CUECARD_HOME to a "
                        + "folder (it is created if missing), or move the file", null);
            }
            if (Files.isDirectory(p)) {
                break;
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new SessionStoreException(SessionStoreException.Reason.CANNOT_OPEN, dir + " exists and is not a "
                    + "folder; set CUECARD_HOME to a folder, or move it", e);
        } catch (AccessDeniedException e) {
            throw new SessionStoreException(SessionStoreException.Reason.READ_ONLY, "cannot create the data folder "
                    + dir + ": no permission to write in " + parentOf(e) + "; set CUECARD_HOME to a folder you can "
                    + "write", e);
        } catch (FileSystemException e) {
            throw new SessionStoreException(SessionStoreException.Reason.CANNOT_OPEN, "cannot create the data folder "
                    + dir + ": " + (e.getReason() == null ? e.getMessage() : e.getReason()) + "; set CUECARD_HOME to "
                    + "a folder you can write", e);
        } catch (IOException e) {
            throw new SessionStoreException(SessionStoreException.Reason.CANNOT_OPEN, "cannot create the data folder "
                    + dir + ": " + e.getMessage(), e);
        }
        boolean exists = Files.exists(databaseFile);
        if ((!Files.isWritable(dir) || exists && !Files.isWritable(databaseFile)) && onReadOnlyDisk(dir)) {
            throw new SessionStoreException(SessionStoreException.Reason.READ_ONLY, "cannot write the session "
                    + "database in " + dir + ": the disk that holds it is mounted read-only; set CUECARD_HOME to a "
                    + "folder on a writable disk", null);
        }
        if (!Files.isWritable(dir) && !exists) {
            throw new SessionStoreException(SessionStoreException.Reason.READ_ONLY, "cannot create the session "
                    + "database in " + dir + ": the folder is read-only for this user; make it writable (chmod u+w "
                    + dir + ") or set CUECARD_HOME to a folder you can write", null);
        }
        if (exists && (!Files.isWritable(databaseFile) || !Files.isWritable(dir))) {
            throw new SessionStoreException(SessionStoreException.Reason.READ_ONLY, "cannot write the session "
                    + "database " + databaseFile + ": " + (Files.isWritable(databaseFile) ? "its folder" : "the file")
                    + " is read-only for this user (SQLite also needs to write its journal beside it); make both "
                    + "writable or set CUECARD_HOME to a folder you can write", null);
        }
    }

    /** Whether writing in {@code dir} fails because its disk is mounted read-only (EROFS), not for permissions. */
    private static boolean onReadOnlyDisk(Path dir) {
        // FileStore.isReadOnly misses bind mounts: it can name the mount of the same device
        try {
            Files.delete(Files.createTempFile(dir, ".write-probe", ".tmp"));
            return false;
        } catch (FileSystemException e) {
            return "Read-only file system".equals(e.getReason());
        } catch (IOException e) {
            return false; // the checks that follow say what is wrong
        }
    }

    private static String parentOf(FileSystemException e) {
        return e.getFile() == null ? "its parent folder" : e.getFile();
    }

    /** What the user can do about a storage failure of this kind (empty when nothing useful). */
    static String advice(SessionStoreException.Reason reason, Path databaseFile) {
        Path dir = databaseFile.getParent();
        return switch (reason) {
            case DISK_FULL -> "; free some space on the disk that holds " + dir;
            case READ_ONLY -> "; make " + dir + " and the files in it writable, or set CUECARD_HOME to a folder you can "
                    + "write";
            case CANNOT_OPEN -> "; check that " + dir + " exists, is a folder and is writable, or set CUECARD_HOME to "
                    + "another folder";
            case BUSY -> "; close the other Cuecard window or command using it and try again";
            case IO_ERROR -> "; check the disk (is it still connected?)";
            default -> "";
        };
    }
}
