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
 * stored. Levels and problems come back through the bridge.
 */
final class LevelProbe implements AutoCloseable {
    private final FxBridge bridge;
    private final BiConsumer<Channel, Double> level;
    private final BiConsumer<Channel, String> problem;
    private final Map<Channel, AudioSource> open = new EnumMap<>(Channel.class);
    private final DeviceCatalog catalog;

    LevelProbe(FxBridge bridge, DeviceCatalog catalog, BiConsumer<Channel, Double> level,
               BiConsumer<Channel, String> problem) {
        this.bridge = bridge;
        this.catalog = catalog;
        this.level = level;
        this.problem = problem;
    }

    /** Listens to {@code device} for {@code channel} (empty: stop listening on it). */
    synchronized void watch(Channel channel, Optional<String> device) {
        AudioSource old = open.remove(channel);
        if (old != null) {
            old.close();
        }
        bridge.post(() -> level.accept(channel, 0.0));
        if (device.isEmpty()) {
            return;
        }
        NamedThreadFactory.thread("audio-check-" + channel.id(), () -> {
            try {
                AudioSource source = catalog.open(device.get());
                synchronized (this) {
                    open.put(channel, source);
                }
                AudioChunk c;
                while ((c = source.read()) != null) {
                    double rms = LevelMeter.measure(channel, c).rms();
                    bridge.post(() -> level.accept(channel, rms));
                }
            } catch (AudioSourceException e) {
                bridge.post(() -> problem.accept(channel, e.getMessage()));
            }
        }).start();
    }

    @Override
    public synchronized void close() {
        open.values().forEach(AudioSource::close);
        open.clear();
    }
}
