package dev.cuecard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.session.FullDisk;
import dev.cuecard.session.SessionStore;
import dev.cuecard.testing.SpeechFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop app's session runner on the real model and a real database, with a direct "FX thread". */
class SessionRunnerTest {
    @TempDir
    Path dir;

    @Test
    void stopWhileTheSpeechModelLoadsMeansTheSessionNeverStarts() throws Exception {
        List<StatusMessage> status = new CopyOnWriteArrayList<>();
        List<Object> events = new CopyOnWriteArrayList<>();
        FxBridge bridge = new FxBridge(Runnable::run, events::add);
        CountDownLatch ended = new CountDownLatch(1);
        try (SessionStore store = SessionStore.open(dir.resolve("cuecard.db"));
             SessionRunner runner = new SessionRunner(Optional.empty(), FxTestSupport.CLASSIFIER, Optional.empty(),
                     bridge, status::add)) {
            runner.storeSessionsIn(store);
            runner.startReplay(SpeechFixtures.wav("cache-slt"), Optional.empty(), 1.0, ended::countDown);
            runner.stop(); // the model takes far longer to load than this call
            assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(runner.isRunning()).isFalse();
            assertThat(status).extracting(StatusMessage::text).contains("Stopped before listening began");
            assertThat(events).isEmpty();
            assertThat(store.list()).isEmpty();
        }
    }

    /** The app judges a stored session's answers ahead (its first debrief is then quick): it is told which one. */
    @Test
    void aStoredSessionIsAnnouncedOnceItHasEnded() throws Exception {
        FxBridge bridge = new FxBridge(Runnable::run, e -> { });
        CountDownLatch ended = new CountDownLatch(1);
        List<Long> stored = new CopyOnWriteArrayList<>();
        try (SessionStore store = SessionStore.open(dir.resolve("cuecard.db"));
             SessionRunner runner = new SessionRunner(Optional.empty(), FxTestSupport.CLASSIFIER, Optional.empty(),
                     bridge, m -> { })) {
            runner.storeSessionsIn(store);
            runner.onSessionStored(stored::add);
            runner.startReplay(SpeechFixtures.wav("cache-slt"), Optional.empty(), Double.POSITIVE_INFINITY,
                    ended::countDown);
            assertThat(ended.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(stored).containsExactly(runner.lastSessionId());
            assertThat(store.load(runner.lastSessionId())).hasValueSatisfying(d ->
                    assertThat(d.utterances()).isNotEmpty());
        }
    }

    @Test
    void aFullDiskIsShownWhileTheSessionRunsAndWhatWasLostWhenItEnds() throws Exception {
        List<StatusMessage> messages = new CopyOnWriteArrayList<>();
        FxBridge bridge = new FxBridge(Runnable::run, e -> { });
        CountDownLatch ended = new CountDownLatch(1);
        try (SessionStore store = SessionStore.open(dir.resolve("cuecard.db"));
             SessionRunner runner = new SessionRunner(Optional.empty(), FxTestSupport.CLASSIFIER, Optional.empty(),
                     bridge, messages::add)) {
            FullDisk.fill(store);
            runner.storeSessionsIn(store);
            runner.startReplay(SpeechFixtures.wav("cache-slt"), Optional.empty(), Double.POSITIVE_INFINITY,
                    ended::countDown);
            assertThat(ended.await(60, TimeUnit.SECONDS)).isTrue();
            List<String> status = messages.stream().map(StatusMessage::text).toList();
            int problem = indexOf(status, "the session cannot be saved now");
            assertThat(problem).as("told at once: %s", status).isGreaterThanOrEqualTo(0)
                    .isLessThan(indexOf(status, "Session ended"));
            assertThat(messages.get(problem).severity()).isEqualTo(StatusMessage.Severity.ERROR);
            assertThat(status.get(problem)).contains("the disk is full (SQLITE_FULL)");
            assertThat(status.get(status.size() - 1)).as("the last word: what was lost and why")
                    .containsPattern("is incomplete: \\d+ of \\d+ writes|the session was not stored")
                    .contains("the disk is full (SQLITE_FULL)");
        }
    }

    @Test
    void aSessionWithNoDatabaseEndsSayingItWasNotStored() throws Exception {
        List<StatusMessage> messages = new CopyOnWriteArrayList<>();
        FxBridge bridge = new FxBridge(Runnable::run, e -> { });
        CountDownLatch ended = new CountDownLatch(1);
        // no storeSessionsIn: the database could not be opened (read-only data folder)
        try (SessionRunner runner = new SessionRunner(Optional.empty(), FxTestSupport.CLASSIFIER, Optional.empty(),
                bridge, messages::add)) {
            runner.startReplay(SpeechFixtures.wav("cache-slt"), Optional.empty(), Double.POSITIVE_INFINITY,
                    ended::countDown);
            assertThat(ended.await(60, TimeUnit.SECONDS)).isTrue();
            List<String> status = messages.stream().map(StatusMessage::text).toList();
            String last = status.get(status.size() - 1);
            // it said "Session ended — open Debrief to review it" beside a disabled Debrief button
            assertThat(last).as("%s", status).startsWith("Session ended").contains("not stored")
                    .doesNotContain("open Debrief");
            assertThat(messages.get(messages.size() - 1).severity()).isEqualTo(StatusMessage.Severity.WARNING);
        }
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void askNowWithNoSessionSaysSo() {
        FxBridge bridge = new FxBridge(Runnable::run, e -> { });
        try (SessionRunner runner = new SessionRunner(Optional.empty(), FxTestSupport.CLASSIFIER, Optional.empty(),
                bridge, s -> { })) {
            assertThat(runner.askNow()).isFalse();
        }
    }
}
