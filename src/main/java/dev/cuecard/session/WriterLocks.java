package dev.cuecard.session;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is still writing a recording session: the writer holds an OS file lock on a file of its own
 * ({@code cuecard.db-locks/TOKEN.lock}) for as long as it records. The OS drops the lock when the
 * process dies, however it dies, so a session whose lock can be taken was cut off — even when
 * another process has since been given the writer's pid (containers, sandboxes).
 *
 * <p>Within one JVM a lock file is only ever opened by the channel that holds it: on POSIX systems
 * closing any other channel on that file would drop the lock.
 */
final class WriterLocks {
    private static final Logger LOG = LoggerFactory.getLogger(WriterLocks.class);
    /** This JVM's held locks, by lock file. */
    private static final Map<Path, FileLock> HELD = new ConcurrentHashMap<>();

    private final Path dir;

    WriterLocks(Path databaseFile) {
        this.dir = DatabaseFiles.sibling(databaseFile, "-locks");
    }

    private Path file(String token) {
        return dir.resolve(token + ".lock");
    }

    /**
     * Takes a new lock for a session about to be started.
     *
     * @return its token, or empty when no lock file can be made here (ownership then falls back to the pid)
     */
    Optional<String> acquire() {
        String token = UUID.randomUUID().toString();
        Path f = file(token);
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            HELD.put(f, lock);
            return Optional.of(token);
        } catch (IOException | OverlappingFileLockException | UnsupportedOperationException e) {
            LOG.info("no writer lock in {} ({}); a cut-off session is recognised by its pid only", dir, e.toString());
            closeQuietly(channel);
            return Optional.empty();
        }
    }

    /** Lets go of a lock this process holds and removes its file. */
    void release(String token) {
        Path f = file(token);
        FileLock lock = HELD.remove(f);
        if (lock == null) {
            return;
        }
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            LOG.debug("cannot delete lock file {}: {}", f, e.toString());
        }
        closeQuietly(lock.acquiredBy());
    }

    /**
     * Whether a live process holds the lock: empty when this cannot be told (the file system does
     * not lock). A lock file that is gone is not held: its writer removes it only when it stops.
     * A free lock's file is removed.
     */
    Optional<Boolean> held(String token) {
        Path f = file(token);
        if (HELD.containsKey(f)) {
            return Optional.of(true);
        }
        if (!Files.exists(f)) {
            return Optional.of(false);
        }
        try (FileChannel channel = FileChannel.open(f, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return Optional.of(true);
            }
            Files.deleteIfExists(f);
            lock.release();
            return Optional.of(false);
        } catch (OverlappingFileLockException e) {
            return Optional.of(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.info("cannot test writer lock {}: {}", f, e.toString());
            return Optional.empty();
        }
    }

    private static void closeQuietly(java.nio.channels.Channel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // the lock goes with the channel either way
            }
        }
    }
}
