package dev.cuecard.ui;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void askNowWithNoSessionSaysSo() {
        FxBridge bridge = new FxBridge(Runnable::run, e -> { });
        try (SessionRunner runner = new SessionRunner(Optional.empty(), FxTestSupport.CLASSIFIER, Optional.empty(),
                bridge, s -> { })) {
            assertThat(runner.askNow()).isFalse();
        }
    }
}
