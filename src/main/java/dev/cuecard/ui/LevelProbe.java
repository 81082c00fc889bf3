package dev.cuecard.ui;

import dev.cuecard.audio.AudioChunk;
import dev.cuecard.audio.AudioSource;
import dev.cuecard.audio.AudioSourceException;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.DeviceCatalog;
import dev.cuecard.audio.LevelMeter;
import dev.cuecard.pipeline.NamedThreadFactory;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Opens capture devices only to show their levels (the audio check): no recognition, nothing
 * stored. Levels and problems come back through the bridge. Opening a device takes time and
 * happens on the channel's own thread; a device whose opening finishes after the user picked
 * another one (or closed the check) is closed at once, so no microphone is left open.
 */
final class LevelProbe implements AutoCloseable {
    private final FxBridge bridge;
    private final BiConsumer<Channel, Double> level;
    private final BiConsumer<Channel, String> problem;
    private final Opener opener;
    /** Guarded by this: the open source per channel, and which watch of the channel is current. */
    private final Map<Channel, AudioSource> open = new EnumMap<>(Channel.class);
    private final Map<Channel, Integer> generation = new EnumMap<>(Channel.class);
    private boolean closed;

    /** Opens a device by name (the real one opens it through the device catalog). */
    @FunctionalInterface
    interface Opener {
        AudioSource open(String device) throws AudioSourceException, InterruptedException;
    }

    LevelProbe(FxBridge bridge, DeviceCatalog catalog, BiConsumer<Channel, Double> level,
               BiConsumer<Channel, String> problem) {
        this(bridge, level, problem, catalog::open);
    }

    LevelProbe(FxBridge bridge, BiConsumer<Channel, Double> level, BiConsumer<Channel, String> problem, Opener opener) {
        this.bridge = bridge;
        this.level = level;
        this.problem = problem;
        this.opener = opener;
    }

    /** Listens to {@code device} for {@code channel} (empty: stop listening on it). Returns at once. */
    synchronized void watch(Channel channel, Optional<String> device) {
        int watch = generation.merge(channel, 1, Integer::sum);
        closeInBackground(open.remove(channel));
        bridge.post(() -> level.accept(channel, 0.0));
        if (device.isEmpty() || closed) {
            return;
        }
        NamedThreadFactory.thread("audio-check-" + channel.id(), () -> listen(channel, device.get(), watch)).start();
    }

    private void listen(Channel channel, String device, int watch) {
        AudioSource source = null;
        try {
            source = opener.open(device);
            synchronized (this) {
                if (!isCurrent(channel, watch)) {
                    return; // the user picked another device, or closed the check, while this one opened
                }
                open.put(channel, source);
            }
            AudioChunk c;
            while ((c = source.read()) != null) {
                double rms = LevelMeter.measure(channel, c).rms();
                if (isCurrent(channel, watch)) {
                    bridge.post(() -> level.accept(channel, rms));
                }
            }
        } catch (AudioSourceException e) {
            if (isCurrent(channel, watch)) {
                bridge.post(() -> problem.accept(channel, e.getMessage()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (source != null) {
                synchronized (this) {
                    open.remove(channel, source);
                }
                source.close();
            }
        }
    }

    private synchronized boolean isCurrent(Channel channel, int watch) {
        return !closed && generation.get(channel) == watch;
    }

    /** A capture line can take a moment to stop: never on the FX thread. */
    private static void closeInBackground(AudioSource source) {
        if (source != null) {
            NamedThreadFactory.thread("audio-check-close", source::close).start();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        open.values().forEach(LevelProbe::closeInBackground);
        open.clear();
    }
}
