package dev.cuecard.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite's errors as the user is told them. */
class DatabaseFilesTest {
    @Test
    void theSharedMemoryFileThatCannotGrowIsAFullDiskNotAFailingOne() {
        // WAL mode's -shm file is what a full disk stops first when a database is opened (seen on a full tmpfs)
        SQLiteException shm = new SQLiteException("disk I/O error", SQLiteErrorCode.SQLITE_IOERR_SHMSIZE);
        assertThat(DatabaseFiles.reason(shm)).isEqualTo(SessionStoreException.Reason.DISK_FULL);
        assertThat(DatabaseFiles.describe(shm)).startsWith("the disk is full");
        SQLiteException read = new SQLiteException("disk I/O error", SQLiteErrorCode.SQLITE_IOERR_READ);
        assertThat(DatabaseFiles.reason(read)).isEqualTo(SessionStoreException.Reason.IO_ERROR);
    }
}
