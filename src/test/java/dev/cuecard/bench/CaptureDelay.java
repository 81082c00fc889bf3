package dev.cuecard.bench;

import dev.cuecard.audio.AudioChunk;
import dev.cuecard.audio.AudioSource;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.DeviceCatalog;
import dev.cuecard.audio.LevelMeter;
import dev.cuecard.pipeline.NamedThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sound server → {@code AudioSource.read()} through the app's own catalog ("system"): plays a
 * recording with paplay into the default output and, for each speech onset (after ≥ 0.5 s of
 * silence), prints when the chunk holding it was read, against when it was played (paplay's start
 * + its position in the file, taken from the captured audio itself, which starts with the playback).
 *
 * <pre>  CaptureDelay FILE.wav SINK [ONSETS]</pre>
 * Run by bench/capture-mechanism.sh.
 */
public final class CaptureDelay {
    private CaptureDelay() {
    }

    public static void main(String[] args) throws Exception {
        int want = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        DeviceCatalog catalog = DeviceCatalog.forThisMachine(new NamedThreadFactory("bench"));
        List<Long> delays = new ArrayList<>();
        try (AudioSource system = catalog.open("system")) {
            AudioChunk first = system.read(); // capture running before the playback starts
            long captureAtPlay = first.endMs();
            long t0 = System.currentTimeMillis();
            Process player = new ProcessBuilder("paplay", "-d", args[1], args[0]).inheritIO().start();
            long quietSamples = 0;
            while (delays.size() < want && (player.isAlive() || System.currentTimeMillis() - t0 < 3000)) {
                AudioChunk c = system.read();
                long now = System.currentTimeMillis();
                boolean loud = LevelMeter.measure(Channel.THEM, c).rms() > 0.01;
                if (loud && quietSamples >= 8000) {
                    // the chunk's last sample was played at t0 + (its position − the position at play start)
                    long playedAt = t0 + (c.endMs() - captureAtPlay);
                    delays.add(now - playedAt);
                }
                quietSamples = loud ? 0 : quietSamples + c.sampleCount();
            }
            player.destroy();
            player.waitFor();
        }
        delays.sort(null);
        System.out.printf(Locale.ROOT, "capture delay (last sample of the onset chunk played → read) over %d onsets: "
                + "median %d ms, p90 %d ms, max %d ms%n", delays.size(), delays.get(delays.size() / 2),
                delays.get(delays.size() * 9 / 10), delays.get(delays.size() - 1));
    }
}
