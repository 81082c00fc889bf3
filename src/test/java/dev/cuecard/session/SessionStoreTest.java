package dev.cuecard.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuecard.audio.Channel;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.HintSource;
import dev.cuecard.question.Category;
import dev.cuecard.testing.InterviewFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on real SQLite files. */
class SessionStoreTest {
    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve(SessionStore.FILE_NAME);
    }

    private static long scalar(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String text(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void createsTheLatestSchemaInWalModeFromNothing() throws Exception {
        try (SessionStore store = SessionStore.open(db())) {
            assertThat(store.notices()).isEmpty();
            assertThat(store.list()).isEmpty();
        }
        assertThat(scalar(db(), "PRAGMA user_version")).isEqualTo(SchemaMigrations.latest()).isEqualTo(9);
        assertThat(text(db(), "PRAGMA journal_mode")).isEqualTo("wal");
        assertThat(scalar(db(), "SELECT count(*) FROM sqlite_master WHERE name IN ('sessions', 'utterances', "
                + "'questions', 'hints', 'utterance_search', 'hint_search', 'answer_scores')")).isEqualTo(7);
    }

    @Test
    void foreignKeysAreEnforced() {
        try (SessionStore store = SessionStore.open(db())) {
            assertThatThrownBy(() -> store.appendUtterance(999, new Utterance(Channel.ME, 0, 1, "orphan")))
                    .isInstanceOf(SessionStoreException.class).hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void upgradesADatabaseOfThePreviousVersionKeepingItsData() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            SchemaMigrations.migrate(c, 1);
            s.executeUpdate("INSERT INTO sessions (id, kind, status, started_at, ended_at) VALUES (7, 'live', 'complete', 1000, 9000)");
            s.executeUpdate("INSERT INTO utterances (session_id, channel, start_ms, end_ms, text) "
                    + "VALUES (7, 'me', 0, 2000, 'we sharded the orders table by customer')");
            s.executeUpdate("INSERT INTO questions (id, session_id, seq, text, category, confidence, start_ms, end_ms, "
                    + "decided_ms) VALUES (3, 7, 1, 'how do you scale writes', 'databases', 0.8, 0, 100, 200)");
        }
        assertThat(scalar(db(), "PRAGMA user_version")).isEqualTo(1);

        try (SessionStore store = SessionStore.open(db())) {
            assertThat(store.list()).singleElement().satisfies(s -> {
                assertThat(s.id()).isEqualTo(7);
                assertThat(s.utterances()).isEqualTo(1);
                assertThat(s.questions()).isEqualTo(1);
            });
            // the version-1 rows were indexed by the migration
            assertThat(store.search("sharding", OptionalLong.empty(), 10)).singleElement()
                    .satisfies(h -> assertThat(h.snippet()).contains("[sharded]"));
            store.setAnswerRating(3, 4);
            assertThat(store.load(7).orElseThrow().questions().get(0).rating()).contains(4);
        }
        assertThat(scalar(db(), "PRAGMA user_version")).isEqualTo(SchemaMigrations.latest());
    }

    @Test
    void version5DropsTheHintLevelColumnKeepingHintsAndTheirSearch() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            SchemaMigrations.migrate(c, 4);
            s.executeUpdate("INSERT INTO sessions (id, kind, status, started_at, ended_at) VALUES (7, 'live', 'complete', 1000, 9000)");
            s.executeUpdate("INSERT INTO questions (id, session_id, seq, text, category, confidence, start_ms, end_ms, "
                    + "decided_ms) VALUES (3, 7, 1, 'how do you scale writes', 'databases', 0.8, 0, 100, 200)");
            Hint hint = new Hint("how do you scale writes", Category.DATABASES, null, HintSource.TEMPLATE,
                    "Scaling writes", "partition by customer", List.of(), List.of("shard key"), List.of(), List.of(),
                    List.of());
            try (PreparedStatement p = c.prepareStatement("INSERT INTO hints (session_id, question_id, source, level, "
                    + "title, content, text, shown_ms, latency_ms) VALUES (7, 3, 'template', 'card', ?, ?, ?, 300, 200)")) {
                p.setString(1, hint.title());
                p.setString(2, HintCodec.json(hint));
                p.setString(3, HintCodec.plainText(hint));
                p.executeUpdate();
            }
        }
        assertThat(scalar(db(), "SELECT count(*) FROM pragma_table_info('hints') WHERE name = 'level'")).isEqualTo(1);

        try (SessionStore store = SessionStore.open(db())) {
            assertThat(store.load(7).orElseThrow().hints()).singleElement().satisfies(h -> {
                assertThat(h.source()).isEqualTo("template");
                assertThat(h.hint().title()).isEqualTo("Scaling writes");
                assertThat(h.latencyMs()).contains(200L);
            });
            assertThat(store.search("partition", OptionalLong.empty(), 10)).singleElement()
                    .satisfies(h -> assertThat(h.kind()).isEqualTo("hint"));
        }
        assertThat(scalar(db(), "PRAGMA user_version")).isEqualTo(SchemaMigrations.latest());
        assertThat(scalar(db(), "SELECT count(*) FROM pragma_table_info('hints') WHERE name = 'level'")).isZero();
    }

    @Test
    void refusesADatabaseFromANewerVersionAndLeavesItUntouched() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE future (x)");
            s.executeUpdate("PRAGMA user_version = " + (SchemaMigrations.latest() + 1));
        }
        byte[] before = Files.readAllBytes(db());

        assertThatThrownBy(() -> SessionStore.open(db())).isInstanceOf(SessionStoreException.class)
                .hasMessageContaining("newer version").hasMessageContaining("schema " + (SchemaMigrations.latest() + 1));

        assertThat(Files.readAllBytes(db())).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SessionStore.FILE_NAME);
        }
    }

    @Test
    void aSchemaVersionNoCuecardWritesIsMovedAsideNotMigratedOver() throws Exception {
        try (SessionStore store = SessionStore.open(db())) {
            InterviewFixture.record(store);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA user_version = -1");
        }
        try (SessionStore store = SessionStore.open(db())) {
            assertThat(store.notices()).singleElement().asString().contains("schema version (-1)").contains("moved to");
            assertThat(store.list()).isEmpty();
        }
        assertThat(movedAside()).exists();
    }

    @Test
    void aFileThatIsNotADatabaseIsMovedAsideAndAFreshOneStarted() throws Exception {
        byte[] garbage = "these are my notes, not a database\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(db(), garbage);

        try (SessionStore store = SessionStore.open(db())) {
            assertThat(store.notices()).singleElement().asString()
                    .contains("could not be read").contains("not a SQLite database").contains("moved to");
            long id = store.startSession(new SessionInfo(SessionKind.LIVE, null, null, null, null, null));
            assertThat(store.summary(id)).isPresent();
        }
        Path moved = movedAside();
        assertThat(Files.readAllBytes(moved)).isEqualTo(garbage);
    }

    @Test
    void aDamagedDatabaseIsMovedAsideWithItsWal() throws Exception {
        try (SessionStore store = SessionStore.open(db())) {
            InterviewFixture.record(store);
        }
        // wreck the schema page (page 1 after the 100-byte header)
        byte[] bytes = Files.readAllBytes(db());
        Arrays.fill(bytes, 100, 4096, (byte) 0x5A);
        Files.write(db(), bytes);

        try (SessionStore store = SessionStore.open(db())) {
            assertThat(store.notices()).singleElement().asString().contains("moved to");
            assertThat(store.list()).isEmpty();
        }
        assertThat(Files.readAllBytes(movedAside())).isEqualTo(bytes);
    }

    private Path movedAside() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> moved = files.filter(p -> p.getFileName().toString().startsWith("cuecard.db.unreadable-")
                    && !p.getFileName().toString().endsWith("-wal") && !p.getFileName().toString().endsWith("-shm")).toList();
            assertThat(moved).hasSize(1);
            return moved.get(0);
        }
    }

    @Test
    void searchFindsWhatWasSaidAndShownAcrossSessionsByStem() {
        try (SessionStore store = SessionStore.open(db())) {
            long first = InterviewFixture.record(store);
            long second = InterviewFixture.record(store);

            List<SearchHit> hits = store.search("caching", OptionalLong.empty(), 50);
            assertThat(hits).extracting(SearchHit::sessionId).contains(first, second);
            assertThat(hits).anyMatch(h -> h.kind().equals("utterance") && "them".equals(h.channel())
                    && h.snippet().contains("[cache]"));
            assertThat(hits).anyMatch(h -> h.kind().equals("hint") && h.channel() == null);
            // newest session first
            assertThat(hits.get(0).sessionId()).isEqualTo(second);

            assertThat(store.search("eighty percent", OptionalLong.of(first), 50)).singleElement()
                    .satisfies(h -> {
                        assertThat(h.sessionId()).isEqualTo(first);
                        assertThat(h.channel()).isEqualTo("me");
                        assertThat(h.atMs()).isEqualTo(40000);
                    });
            assertThat(store.search("thundering herd", OptionalLong.empty(), 50)).hasSize(2)
                    .allMatch(h -> h.kind().equals("hint"))
                    // the card's lines joined (QA: a terminal showed them as a literal \n)
                    .allSatisfy(h -> assertThat(h.snippet()).doesNotContain("\n").contains(" · "));
            assertThat(store.search("zeppelin", OptionalLong.empty(), 50)).isEmpty();
            // FTS5 syntax in the input is taken as words, not as a query
            assertThat(store.search("cache\" OR NEAR(", OptionalLong.empty(), 50)).isEmpty();
            assertThat(store.search("  ", OptionalLong.empty(), 50)).isEmpty();
        }
    }

    /** A session whose interviewer says "cache" {@code times} times, one second apart. */
    static long sayingCache(SessionStore store, SessionKind kind, int times) {
        try (SessionRecorder r = SessionRecorder.start(store, new SessionInfo(kind, kind.id() + " session", "them.wav",
                null, "model-en-us", null))) {
            for (int i = 0; i < times; i++) {
                r.onEvent(InterviewFixture.transcript(Channel.THEM, i * 1000L, i * 1000L + 900, "where would you put the cache " + i));
            }
            return r.sessionId();
        }
    }

    /**
     * QA (scale): each table was cut at the limit by row id and the two then sorted by session and
     * time, so a limit that reached into an older session showed its last hits, not its first;
     * with a session recorded while another was, its early hits were missing altogether.
     */
    @Test
    void aLimitedSearchGivesTheFirstHitsOfTheWholeListNewestSessionFirstEachInTheOrderSaid() {
        try (SessionStore store = SessionStore.open(db())) {
            long older = sayingCache(store, SessionKind.REPLAY, 5);
            long newer = sayingCache(store, SessionKind.REPLAY, 5);

            List<SearchHit> all = store.search("cache", OptionalLong.empty(), 1000);
            assertThat(all).extracting(SearchHit::sessionId)
                    .containsExactly(newer, newer, newer, newer, newer, older, older, older, older, older);
            assertThat(all).extracting(SearchHit::atMs).containsExactly(0L, 1000L, 2000L, 3000L, 4000L,
                    0L, 1000L, 2000L, 3000L, 4000L);
            for (int limit = 1; limit <= all.size(); limit++) {
                assertThat(store.search("cache", OptionalLong.empty(), limit)).as("limit %d", limit)
                        .isEqualTo(all.subList(0, limit));
            }
        }
    }

    /** QA (scale): the debrief window's kind filter was applied after the limit, so newer sessions of other kinds hid every hit. */
    @Test
    void aSearchInOneKindOfSessionIsNotCrowdedOutByNewerSessionsOfOtherKinds() {
        try (SessionStore store = SessionStore.open(db())) {
            long practice = sayingCache(store, SessionKind.PRACTICE, 2);
            sayingCache(store, SessionKind.REPLAY, 12);

            assertThat(store.search("cache", OptionalLong.empty(), java.util.Optional.of(SessionKind.PRACTICE), 10))
                    .extracting(SearchHit::sessionId, SearchHit::atMs)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(practice, 0L),
                            org.assertj.core.groups.Tuple.tuple(practice, 1000L));
            assertThat(store.search("cache", OptionalLong.empty(), java.util.Optional.of(SessionKind.LIVE), 10)).isEmpty();
            assertThat(store.search("cache", OptionalLong.empty(), java.util.Optional.empty(), 10)).hasSize(10)
                    .noneMatch(h -> h.sessionId() == practice);
        }
    }

    @Test
    void deletingASessionRemovesEveryTraceOfIt() throws Exception {
        long keep;
        try (SessionStore store = SessionStore.open(db())) {
            keep = InterviewFixture.record(store);
            long gone = store.startSession(new SessionInfo(SessionKind.LIVE, "secret", null, null, null, null));
            store.appendUtterance(gone, new Utterance(Channel.ME, 0, 1000, "my password is quetzalcoatlus"));
            store.finishSession(gone);
            assertThat(store.search("quetzalcoatlus", OptionalLong.empty(), 5)).hasSize(1);

            assertThat(store.delete(gone)).isTrue();
            assertThat(store.delete(gone)).isFalse();
            assertThat(store.search("quetzalcoatlus", OptionalLong.empty(), 5)).isEmpty();
            assertThat(store.list()).extracting(SessionSummary::id).containsExactly(keep);
            assertThat(store.integrityCheck()).isEqualTo("ok");
        }
        assertThat(scalar(db(), "SELECT count(*) FROM utterances WHERE text LIKE '%quetzal%'")).isZero();
        assertThat(containsBytes("quetzalcoatlus")).as("the word is nowhere in the database files").isFalse();
        assertThat(containsBytes("catalog database")).as("the kept session is").isTrue();
    }

    /**
     * 'debrief delete --all' while another Cuecard was recording: the live session was deleted under
     * its writer, whose every later write failed (a foreign key) and was reported as "marked
     * incomplete" for a session that no longer existed.
     */
    @Test
    void aSessionStillBeingRecordedElsewhereIsNotDeletedAndItsWriterGoesOn() throws Exception {
        try (SessionStore recorder = SessionStore.open(db())) {
            long done = InterviewFixture.record(recorder);
            long live = recorder.startSession(new SessionInfo(SessionKind.LIVE, "live", null, null, null, null));
            recorder.appendUtterance(live, new Utterance(Channel.THEM, 0, 1000, "tell me about caching"));
            try (SessionStore other = SessionStore.open(db())) {
                assertThatThrownBy(() -> other.delete(live)).isInstanceOf(SessionRecordingException.class)
                        .hasMessageContaining("session " + live + " is being recorded right now");
                assertThat(other.deleteAll()).isEqualTo(1);
                assertThat(other.list()).extracting(SessionSummary::id).containsExactly(live);
                assertThat(other.delete(done)).isFalse();
            }
            recorder.appendUtterance(live, new Utterance(Channel.ME, 1000, 2000, "a read-through cache in front"));
            recorder.finishSession(live);
            assertThat(recorder.list()).singleElement().satisfies(s -> {
                assertThat(s.status()).isEqualTo(SessionStatus.COMPLETE);
                assertThat(s.utterances()).isEqualTo(2);
            });
            // once it has ended it can go
            assertThat(recorder.delete(live)).isTrue();
        }
    }

    @Test
    void deletingAllDataLeavesNoSessionAndNoIndexEntries() throws Exception {
        try (SessionStore store = SessionStore.open(db())) {
            InterviewFixture.record(store);
            InterviewFixture.record(store);
            assertThat(store.deleteAll()).isEqualTo(2);
            assertThat(store.list()).isEmpty();
            assertThat(store.search("cache", OptionalLong.empty(), 5)).isEmpty();
        }
        for (String table : List.of("sessions", "utterances", "questions", "hints", "utterance_search", "hint_search")) {
            assertThat(scalar(db(), "SELECT count(*) FROM " + table)).as(table).isZero();
        }
        assertThat(containsBytes("outnumber")).isFalse();
        assertThat(containsBytes("Thundering")).isFalse();
    }

    private boolean containsBytes(String word) throws Exception {
        byte[] needle = word.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] hay = Files.readAllBytes(f);
                outer:
                for (int i = 0; i + needle.length <= hay.length; i++) {
                    for (int j = 0; j < needle.length; j++) {
                        if (hay[i + j] != needle[j]) {
                            continue outer;
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void aSessionWhoseWriterDiedIsClosedAsInterruptedOnTheNextStart() throws Exception {
        long id;
        try (SessionStore store = SessionStore.open(db())) {
            id = store.startSession(new SessionInfo(SessionKind.LIVE, null, "monitor", "mic", null, null));
            store.appendUtterance(id, new Utterance(Channel.THEM, 1000, 4000, "how would you shard a table"));
            store.appendUtterance(id, new Utterance(Channel.ME, 5000, 9500, "by customer id"));
        } // closed without finishing: as if its process had died
        // an older version's row: no lock file, the writer's pid only (another process, gone now)
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long old;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO sessions (kind, status, started_at, writer_pid) VALUES ('live', 'recording', 1000, "
                    + gone.pid() + ")");
            old = scalar(db(), "SELECT max(id) FROM sessions");
        }

        try (SessionStore recording = SessionStore.open(db())) {
            assertThat(recording.notices()).hasSize(2).anyMatch(n -> n.contains("session " + id + " was cut off"))
                    .anyMatch(n -> n.contains("session " + old + " was cut off"));
            long live = recording.startSession(new SessionInfo(SessionKind.LIVE, null, null, null, null, null));
            SessionSummary s = recording.summary(id).orElseThrow();
            assertThat(s.status()).isEqualTo(SessionStatus.INTERRUPTED);
            assertThat(s.utterances()).isEqualTo(2);
            assertThat(s.endedAt().orElseThrow().toEpochMilli() - s.startedAt().toEpochMilli()).isEqualTo(9500);
            // a session still being recorded (by another store, as by another process) is left alone
            try (SessionStore other = SessionStore.open(db())) {
                assertThat(other.notices()).isEmpty();
                assertThat(other.summary(live).orElseThrow().status()).isEqualTo(SessionStatus.RECORDING);
            }
        }
    }

    @Test
    void notesAndRatingsAreKept() {
        try (SessionStore store = SessionStore.open(db())) {
            long id = InterviewFixture.record(store);
            StoredQuestion q = store.load(id).orElseThrow().questions().get(0);
            store.setAnswerNote(q.id(), "  lead with the trade-off  ");
            store.setAnswerRating(q.id(), 3);
            store.setSessionNote(id, "good pace");
            assertThatThrownBy(() -> store.setAnswerRating(q.id(), 6)).isInstanceOf(IllegalArgumentException.class);

            SessionDetail d = store.load(id).orElseThrow();
            assertThat(d.questions().get(0).note()).isEqualTo("lead with the trade-off");
            assertThat(d.questions().get(0).rating()).contains(3);
            assertThat(d.session().note()).isEqualTo("good pace");
            store.setAnswerRating(q.id(), null);
            assertThat(store.load(id).orElseThrow().questions().get(0).rating()).isEmpty();
        }
    }
}
