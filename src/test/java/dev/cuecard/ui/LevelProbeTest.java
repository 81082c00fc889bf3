package dev.cuecard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.AudioChunk;
import dev.cuecard.audio.AudioSource;
import dev.cuecard.audio.AudioSourceException;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.WavFileSource;
import dev.cuecard.testing.SpeechFixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The audio check's level meters: a device picked while the previous one is still opening must
 * not leave the previous one open (the real opener opens a microphone; here recordings stand in).
 */
class LevelProbeTest {
    /** A recording played in real time as a device, which notes when it is closed. */
    static final class Device implements AudioSource {
        final String name;
        final WavFileSource wav;
        volatile boolean closed;

        Device(String name) throws AudioSourceException {
            this.name = name;
            this.wav = new WavFileSource(SpeechFixtures.wav("latency-rms"), 1.0);
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public boolean isLive() {
            return true;
        }

        @Override
        public AudioChunk read() throws AudioSourceException {
            return closed ? null : wav.read();
        }

        @Override
        public void close() {
            closed = true;
            wav.close();
        }
    }

    final Map<String, Device> opened = new ConcurrentHashMap<>();
    final List<String> problems = new CopyOnWriteArrayList<>();
    final FxBridge bridge = new FxBridge(Runnable::run, e -> { });

    @Test
    void aDevicePickedWhileThePreviousIsStillOpeningClosesThePrevious() throws Exception {
        CountDownLatch slowMayOpen = new CountDownLatch(1);
        CountDownLatch slowOpening = new CountDownLatch(1);
        LevelProbe probe = new LevelProbe(bridge, (c, v) -> { }, (c, m) -> problems.add(m), name -> {
            if (name.equals("slow")) {
                slowOpening.countDown();
                slowMayOpen.await();
            }
            Device d = new Device(name);
            opened.put(name, d);
            return d;
        });
        probe.watch(Channel.ME, Optional.of("slow"));
        assertThat(slowOpening.await(10, TimeUnit.SECONDS)).isTrue();
        probe.watch(Channel.ME, Optional.of("fast"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> opened.containsKey("fast"));
        slowMayOpen.countDown(); // the first device finishes opening after the user moved on

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> opened.containsKey("slow") && opened.get("slow").closed);
        assertThat(opened.get("fast").closed).isFalse();
        probe.close();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> opened.get("fast").closed);
        assertThat(problems).isEmpty();
    }

    @Test
    void aDeviceStillOpeningWhenTheCheckClosesIsClosedOnceOpen() throws Exception {
        CountDownLatch mayOpen = new CountDownLatch(1);
        CountDownLatch opening = new CountDownLatch(1);
        LevelProbe probe = new LevelProbe(bridge, (c, v) -> { }, (c, m) -> problems.add(m), name -> {
            opening.countDown();
            mayOpen.await();
            Device d = new Device(name);
            opened.put(name, d);
            return d;
        });
        probe.watch(Channel.THEM, Optional.of("monitor"));
        assertThat(opening.await(10, TimeUnit.SECONDS)).isTrue();
        probe.close();
        mayOpen.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> opened.containsKey("monitor") && opened.get("monitor").closed);
    }
}
