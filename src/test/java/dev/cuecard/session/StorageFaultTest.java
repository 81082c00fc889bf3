package dev.cuecard.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuecard.audio.Channel;
import dev.cuecard.testing.InterviewFixture;
import dev.cuecard.testing.ReadOnlyFolder;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage faults on real SQLite files: a full disk (SQLite's max_page_count gives a real
 * SQLITE_FULL), damaged pages, damage found while recording, read-only and impossible data folders.
 * Each test checks what the user is told and what is stored.
 */
class StorageFaultTest {
    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve(SessionStore.FILE_NAME);
    }

    private static SessionInfo live() {
        return new SessionInfo(SessionKind.LIVE, "fault test", null, null, null, null);
    }

    /** An utterance long enough that a few of them need new pages. */
    private static dev.cuecard.pipeline.PipelineEvent said(int i) {
        return InterviewFixture.transcript(i % 2 == 0 ? Channel.THEM : Channel.ME, i * 10_000L, i * 10_000L + 9000,
                ("utterance " + i + " about sharding replication and consistent hashing ").repeat(20));
    }

    /** Fills the database up to its page limit (other rows than the session's own). */
    private static void fillUp(SessionStore store) {
        store.limitPages(store.pageCount());
    }

    @Test
    void theOriginalSqliteErrorIsReportedNotTheRollbackAfterIt() {
        try (SessionStore store = SessionStore.open(db())) {
            long id = store.startSession(live());
            fillUp(store);
            String big = "x".repeat(20_000);
            assertThatThrownBy(() -> store.appendUtterance(id, new Utterance(Channel.ME, 0, 1, big)))
                    .isInstanceOfSatisfying(SessionStoreException.class, e -> {
                        assertThat(e.reason()).isEqualTo(SessionStoreException.Reason.DISK_FULL);
                        assertThat(e.getMessage()).contains("the disk is full (SQLITE_FULL)").contains("free some space")
                                .doesNotContain("no transaction is active");
                    });
            // the connection is still usable: a write that fits goes through
            store.limitPages(0);
            store.appendUtterance(id, new Utterance(Channel.ME, 0, 1, "fits now"));
            assertThat(store.summary(id).orElseThrow().utterances()).isEqualTo(1);
        }
    }

    @Test
    void aDiskThatFillsMidSessionLosesNothingOnceSpaceIsFreed() throws Exception {
        List<String> told = new CopyOnWriteArrayList<>();
        try (SessionStore store = SessionStore.open(db())) {
            SessionRecorder recorder = SessionRecorder.start(store, live(), told::add);
            for (int i = 0; i < 5; i++) {
                recorder.onEvent(said(i));
            }
            recorder.flush();
            fillUp(store);
            for (int i = 5; i < 40; i++) {
                recorder.onEvent(said(i));
            }
            recorder.flush();
            assertThat(told).as("the user is told at once").singleElement().asString()
                    .contains("cannot be saved now").contains("the disk is full (SQLITE_FULL)")
                    .contains("kept in memory");
            assertThat(recorder.failedWrites()).as("held, not lost").isZero();
            long storedWhileFull = store.summary(recorder.sessionId()).orElseThrow().utterances();
            assertThat(storedWhileFull).isLessThan(40);

            store.limitPages(0); // space freed
            recorder.onEvent(said(40)); // the next write tries everything held first
            recorder.flush();
            assertThat(told).last().asString().contains("saved again");
            SessionRecorder.Outcome outcome = recorder.closeAndReport();
            assertThat(outcome.complete()).isTrue();
            assertThat(outcome.summary()).isEmpty();
            SessionDetail d = store.load(recorder.sessionId()).orElseThrow();
            assertThat(d.session().status()).isEqualTo(SessionStatus.COMPLETE);
            assertThat(d.utterances()).hasSize(41);
            assertThat(d.utterances().get(39).text()).startsWith("utterance 39 ");
            assertThat(store.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void aSessionEndingWhileTheDiskIsFullIsStoredAsIncompleteWithWhatWasLostAndWhy() throws Exception {
        List<String> told = new CopyOnWriteArrayList<>();
        long id;
        try (SessionStore store = SessionStore.open(db())) {
            SessionRecorder recorder = SessionRecorder.start(store, live(), told::add);
            id = recorder.sessionId();
            recorder.onEvent(said(0));
            recorder.flush();
            fillUp(store);
            for (int i = 1; i <= 30; i++) {
                recorder.onEvent(said(i));
            }
            SessionRecorder.Outcome outcome = recorder.closeAndReport();
            assertThat(outcome.complete()).isFalse();
            assertThat(outcome.markedIncomplete()).isTrue();
            assertThat(outcome.writes()).isEqualTo(31);
            int lost = outcome.lostWrites();
            assertThat(lost).isBetween(1, 30);
            assertThat(outcome.summary().orElseThrow()).isEqualTo("session " + id + " is incomplete: " + lost
                    + " of 31 writes (utterances, questions, hints) could not be stored because the session database "
                    + db() + " failed: the disk is full (SQLITE_FULL); it is marked incomplete");
            assertThat(told).last().isEqualTo(outcome.summary().orElseThrow());
        }
        try (SessionStore store = SessionStore.open(db())) {
            assertThat(store.notices()).isEmpty();
            SessionSummary s = store.summary(id).orElseThrow();
            assertThat(s.status()).isEqualTo(SessionStatus.INCOMPLETE);
            assertThat(s.lostWrites() + s.utterances()).isEqualTo(31);
            SessionRecord r = store.load(id).orElseThrow().session();
            assertThat(r.storageProblem()).contains("the disk is full (SQLITE_FULL)");
            assertThat(r.endedAt()).isPresent();
        }
    }

    @Test
    void aSessionThatCannotEvenStartIsStartedWhenSpaceIsFreed() throws Exception {
        List<String> told = new CopyOnWriteArrayList<>();
        try (SessionStore store = SessionStore.open(db())) {
            InterviewFixture.record(store);
            fillUp(store);
            // fill the last free space with session rows, big ones first
            for (int size : new int[] {2000, 200, 20, 0}) {
                while (true) {
                    try {
                        store.finishSession(store.startSession(new SessionInfo(SessionKind.DEMO, "x".repeat(size), null,
                                null, null, null)));
                    } catch (SessionStoreException full) {
                        break;
                    }
                }
            }
            SessionRecorder recorder = SessionRecorder.start(store, live(), told::add);
            assertThat(recorder.sessionId()).isEqualTo(-1);
            assertThat(told).singleElement().asString().contains("SQLITE_FULL");
            recorder.onEvent(said(1));
            recorder.flush();
            store.limitPages(0);
            recorder.onEvent(said(2));
            recorder.flush();
            assertThat(recorder.sessionId()).isPositive();
            assertThat(recorder.closeAndReport().complete()).isTrue();
            assertThat(store.load(recorder.sessionId()).orElseThrow().utterances()).hasSize(2);
        }
    }

    @Test
    void damagedPagesBehindAnIntactHeaderAreFoundWhenOpeningAndMovedAside() throws Exception {
        try (SessionStore store = SessionStore.open(db())) {
            for (int i = 0; i < 20; i++) {
                InterviewFixture.record(store);
            }
        }
        long pages = Files.size(db()) / 4096;
        assertThat(pages).isGreaterThan(6);
        try (RandomAccessFile f = new RandomAccessFile(db().toFile(), "rw")) {
            f.seek(4096L * (pages / 2)); // a page in the middle; the header and schema stay intact
            f.write(new byte[4096]);
            f.write("garbage".repeat(500).getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, 3000);
        }
        try (SessionStore store = SessionStore.open(db())) {
            assertThat(store.notices()).singleElement().asString().contains("could not be read")
                    .contains("damaged").contains("moved to").contains("a new, empty one was started");
            assertThat(store.list()).isEmpty();
            long id = store.startSession(live());
            store.finishSession(id);
            assertThat(store.list()).hasSize(1);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("cuecard.db.unreadable-"));
        }
    }

    @Test
    void damageFoundWhileRecordingMovesTheFileAsideAndTheSessionGoesOnInANewDatabase() throws Exception {
        List<String> told = new CopyOnWriteArrayList<>();
        try (SessionStore store = SessionStore.open(db())) {
            SessionRecorder recorder = SessionRecorder.start(store, live(), told::add);
            for (int i = 0; i < 3; i++) {
                recorder.onEvent(said(i));
            }
            recorder.flush();
            long oldId = recorder.sessionId();
            // another program damages the utterances table's root page: checkpoint, wreck it, then make
            // the store's connection drop its page cache (another connection writes)
            long root;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                try (ResultSet r = s.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = 'utterances'")) {
                    r.next();
                    root = r.getLong(1);
                }
            }
            try (RandomAccessFile f = new RandomAccessFile(db().toFile(), "rw")) {
                f.seek(4096L * (root - 1));
                f.write("not a b-tree page ".repeat(250).getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, 4096);
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE sessions SET note = 'touched' WHERE id = " + oldId);
            }
            for (int i = 3; i < 6; i++) {
                recorder.onEvent(said(i));
            }
            recorder.flush();
            assertThat(told).anyMatch(m -> m.contains("could not be read") && m.contains("moved to")
                    && m.contains("a new, empty one was started"));
            assertThat(store.generation()).isEqualTo(1);
            SessionRecorder.Outcome outcome = recorder.closeAndReport();
            assertThat(outcome.complete()).as(outcome.toString()).isTrue();
            // the whole session, also what was written before the damage, is in the new database
            SessionDetail d = store.load(recorder.sessionId()).orElseThrow();
            assertThat(d.utterances()).hasSize(6);
            assertThat(d.session().status()).isEqualTo(SessionStatus.COMPLETE);
            assertThat(store.list()).hasSize(1);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).anyMatch(n -> n.startsWith("cuecard.db.unreadable-"));
        }
        try (SessionStore again = SessionStore.open(db())) {
            assertThat(again.notices()).isEmpty();
            assertThat(again.list()).singleElement().extracting(SessionSummary::utterances).isEqualTo(6);
        }
    }

    @Test
    void twoWritersOnOneDatabaseLoseNothing() throws Exception {
        SessionStore.open(db()).close();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> writers = new java.util.ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            writers.add(dev.cuecard.pipeline.NamedThreadFactory.thread("test-writer-" + w, () -> {
                // a store each, as two processes would have (separate connections, SQLite's file locks)
                try (SessionStore store = SessionStore.open(db())) {
                    for (int i = 0; i < 15; i++) {
                        long id = store.startSession(live());
                        for (int u = 0; u < 4; u++) {
                            store.appendUtterance(id, new Utterance(Channel.ME, u * 1000L, u * 1000L + 900,
                                    "writer " + writer + " session " + i + " line " + u));
                        }
                        store.finishSession(id);
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        writers.forEach(Thread::start);
        for (Thread t : writers) {
            t.join();
        }
        assertThat(failures).isEmpty();
        try (SessionStore store = SessionStore.open(db())) {
            assertThat(store.notices()).isEmpty();
            assertThat(store.list()).hasSize(30).allSatisfy(s -> {
                assertThat(s.status()).isEqualTo(SessionStatus.COMPLETE);
                assertThat(s.utterances()).isEqualTo(4);
            });
            assertThat(store.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void aFileWhereTheDataFolderShouldBeIsAClearError() throws Exception {
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> SessionStore.open(file.resolve(SessionStore.FILE_NAME)))
                .isInstanceOf(SessionStoreException.class)
                .hasMessage(file + " is a file, not a folder, so the data folder " + file + " cannot be created there; "
                        + "set CUECARD_HOME to a folder (it is created if missing), or move the file");
    }

    @Test
    void aReadOnlyDataFolderIsAClearErrorAndNothingIsWritten() throws Exception {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        ReadOnlyFolder.make(ro);
        try {
            assertThatThrownBy(() -> SessionStore.open(ro.resolve(SessionStore.FILE_NAME)))
                    .isInstanceOfSatisfying(SessionStoreException.class, e -> {
                        assertThat(e.reason()).isEqualTo(SessionStoreException.Reason.READ_ONLY);
                        assertThat(e.getMessage()).contains("read-only").contains("set CUECARD_HOME")
                                .doesNotContain("SQLITE_CANTOPEN");
                    });
            try (Stream<Path> files = Files.list(ro)) {
                assertThat(files).isEmpty();
            }
        } finally {
            ReadOnlyFolder.undo(ro);
        }
    }

    @Test
    void aDatabaseThatCannotBeWrittenIsReadReadOnlyIncludingWhatItsWalHoldsAndNothingIsWritten() throws Exception {
        long id;
        try (SessionStore writer = SessionStore.open(db())) {
            id = writer.startSession(live());
            writer.appendUtterance(id, new Utterance(Channel.THEM, 0, 900, "how would you shard a users table"));
            writer.finishSession(id);
            // the writer still open: its commits are in the WAL, not yet in the main file
            assertThat(Files.size(DatabaseFiles.sibling(db(), "-wal"))).isPositive();
            try (SessionStore reader = SessionStore.openReadOnly(db())) {
                assertThat(reader.list()).singleElement().satisfies(s -> assertThat(s.utterances()).isEqualTo(1));
                assertThat(reader.load(id).orElseThrow().utterances().get(0).text()).contains("shard");
                assertThat(reader.search("shard", java.util.OptionalLong.empty(), 5)).hasSize(1);
                assertThatThrownBy(() -> reader.startSession(live()))
                        .isInstanceOfSatisfying(SessionStoreException.class,
                                e -> assertThat(e.reason()).isEqualTo(SessionStoreException.Reason.READ_ONLY));
            }
        }
        // a folder where not even SQLite's shared-memory file can be made: read as an immutable file
        Path ro = dir;
        ReadOnlyFolder.make(ro);
        try {
            List<String> before;
            try (Stream<Path> files = Files.list(ro)) {
                before = files.map(p -> p.getFileName().toString()).sorted().toList();
            }
            byte[] bytes = Files.readAllBytes(db());
            assertThatThrownBy(() -> SessionStore.open(db())).isInstanceOf(SessionStoreException.class);
            try (SessionStore reader = SessionStore.openReadOnly(db())) {
                assertThat(reader.list()).singleElement().satisfies(s -> assertThat(s.utterances()).isEqualTo(1));
            }
            try (Stream<Path> files = Files.list(ro)) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(before);
            }
            assertThat(Files.readAllBytes(db())).isEqualTo(bytes);
        } finally {
            ReadOnlyFolder.undo(ro);
        }
    }

    @Test
    void anOlderDatabaseThatCannotBeUpgradedIsNotReadAsIfItWereCurrent() throws Exception {
        SessionStore.open(db()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (SchemaMigrations.latest() - 1));
        }
        assertThatThrownBy(() -> SessionStore.openReadOnly(db()))
                .isInstanceOfSatisfying(SessionStoreException.class, e -> assertThat(e.getMessage())
                        .contains("older Cuecard", "cannot be upgraded while it cannot be written"));
    }
}
