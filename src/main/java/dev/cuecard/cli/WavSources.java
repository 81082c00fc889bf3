package dev.cuecard.cli;

import dev.cuecard.audio.AudioSourceException;
import dev.cuecard.audio.WavFileSource;
import java.nio.file.Path;

/** Opens WAV files for commands, turning problems into one-line user errors. */
final class WavSources {
    private WavSources() {
    }

    static WavFileSource open(Path file, double speed) {
        try {
            return new WavFileSource(file, speed);
        } catch (AudioSourceException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** As {@link #open(Path, double)}, warning about a file cut short or a header that lies. */
    static WavFileSource open(Cli cli, Path file, double speed) {
        WavFileSource source = open(file, speed);
        source.warnings().forEach(cli::warn);
        return source;
    }

    /** "1" (real time), "max" (no pacing) or another positive factor such as "2". */
    static double parseSpeed(String speed) {
        if ("max".equalsIgnoreCase(speed)) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double v = Double.parseDouble(speed);
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message
        }
        throw new UserError("--speed must be 1, max or a positive factor such as 2 (got '" + speed + "')", 2);
    }
}
