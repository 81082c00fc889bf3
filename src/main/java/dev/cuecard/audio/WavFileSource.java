package dev.cuecard.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Plays a PCM WAV file as if it were a device: converted to 16 kHz mono, in 100 ms chunks,
 * either paced in real time (times {@code speed}) or as fast as the consumer takes it.
 */
public final class WavFileSource implements AudioSource {
    /** Chunk length handed downstream. */
    public static final int CHUNK_MS = 100;
    private static final int CHUNK_BYTES = (int) PcmFormat.msToSamples(CHUNK_MS) * PcmFormat.BYTES_PER_SAMPLE;

    private final Path file;
    private final AudioInputStream in;
    private final PcmConverter converter;
    private final double speed;
    private final LongSupplier nanoClock;
    private final byte[] readBuffer;
    private final List<String> warnings;
    private final OptionalLong lengthMs;
    private byte[] partial = new byte[0];
    private volatile long samplesOut;
    private long startNanos = -1;
    private boolean eof;
    private volatile boolean ended;

    /**
     * @param speed 1.0 = real time, 2.0 = twice as fast, {@code Double.POSITIVE_INFINITY} = no pacing
     */
    public WavFileSource(Path file, double speed) throws AudioSourceException {
        this(file, speed, System::nanoTime);
    }

    WavFileSource(Path file, double speed, LongSupplier nanoClock) throws AudioSourceException {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive");
        }
        this.file = file;
        this.speed = speed;
        this.nanoClock = nanoClock;
        List<String> found = new ArrayList<>();
        this.in = open(file, found);
        this.warnings = List.copyOf(found);
        this.converter = converter(file, in);
        long frames = in.getFrameLength();
        float rate = in.getFormat().getFrameRate();
        this.lengthMs = frames > 0 && rate > 0 ? OptionalLong.of(Math.round(frames * 1000.0 / rate))
                : OptionalLong.empty();
        int frame = Math.max(1, in.getFormat().getFrameSize());
        this.readBuffer = new byte[frame * Math.max(1, (int) (in.getFormat().getSampleRate() / 10))];
    }

    /** The converter for the file's format; a format it cannot take is said with the file's name and the fix. */
    private static PcmConverter converter(Path file, AudioInputStream in) throws AudioSourceException {
        try {
            return new PcmConverter(in.getFormat());
        } catch (AudioSourceException e) {
            try {
                in.close();
            } catch (IOException ignored) {
                // refused either way
            }
            if (e.getMessage().contains("sox ")) {
                throw new AudioSourceException(file + ": " + e.getMessage(), e); // says the fix already
            }
            throw new AudioSourceException(file + ": " + e.getMessage() + " (a damaged header, or a format Cuecard "
                    + "cannot read); if it plays elsewhere, convert it: sox " + file
                    + " -r 16000 -c 1 -b 16 -e signed-integer out.wav", e);
        }
    }

    /** Opens and checks the file; every failure becomes a message that says what to do. */
    static AudioInputStream open(Path file) throws AudioSourceException {
        return open(file, new ArrayList<>());
    }

    /** As {@link #open(Path)}, adding what the user should know about the file (cut short, header wrong). */
    static AudioInputStream open(Path file, List<String> warnings) throws AudioSourceException {
        if (!Files.exists(file)) {
            throw new AudioSourceException("file not found: " + file);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new AudioSourceException("cannot read " + file + ": not a readable file");
        }
        try {
            if (Files.size(file) == 0) {
                throw new AudioSourceException(file + " is empty; give a PCM WAV recording");
            }
            WavHeader.Checked checked = WavHeader.check(file);
            warnings.addAll(checked.warnings());
            InputStream raw = new BufferedInputStream(checked.stream() != null ? checked.stream()
                    : Files.newInputStream(file));
            AudioInputStream stream;
            try {
                stream = AudioSystem.getAudioInputStream(raw);
            } catch (IOException e) {
                raw.close();
                // Java Sound's readers give up on unknown data with "Resetting to invalid mark" and the like
                throw new UnsupportedAudioFileException(e.getMessage());
            }
            AudioFormat.Encoding enc = stream.getFormat().getEncoding();
            if (enc == AudioFormat.Encoding.ULAW || enc == AudioFormat.Encoding.ALAW) {
                // telephone-style companding: the JDK's own codec expands it to 16-bit PCM
                AudioFormat f = stream.getFormat();
                stream = AudioSystem.getAudioInputStream(new AudioFormat(f.getSampleRate(), 16, f.getChannels(),
                        true, false), stream);
            }
            if (stream.getFrameLength() == 0) {
                stream.close();
                throw new AudioSourceException(file + " contains no audio samples");
            }
            return stream;
        } catch (UnsupportedAudioFileException e) {
            throw new AudioSourceException(file + " is not a PCM WAV file; convert it, e.g. "
                    + "sox in.mp3 -r 16000 -c 1 -b 16 -e signed-integer out.wav");
        } catch (IOException e) {
            throw new AudioSourceException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** What the user should know about the file: cut short, a header giving a wrong or no length. */
    public List<String> warnings() {
        return warnings;
    }

    /** The file's own format, before conversion. */
    public javax.sound.sampled.AudioFormat sourceFormat() {
        return converter.sourceFormat();
    }

    @Override
    public String describe() {
        return file.getFileName().toString();
    }

    /** The recording's length as its header gives it (empty when it does not say). */
    public OptionalLong lengthMs() {
        return lengthMs;
    }

    /** How much of the recording has been handed downstream so far (ms). Safe from any thread. */
    public long positionMs() {
        return PcmFormat.samplesToMs(samplesOut);
    }

    /** True once the whole recording has been handed downstream. Safe from any thread. */
    public boolean reachedEnd() {
        return ended;
    }

    @Override
    public boolean isLive() {
        return false;
    }

    @Override
    public AudioChunk read() throws AudioSourceException {
        byte[] bytes = nextChunkBytes();
        if (bytes == null) {
            return null;
        }
        AudioChunk chunk = new AudioChunk(bytes, samplesOut);
        samplesOut += chunk.sampleCount();
        pace(chunk.endMs());
        return chunk;
    }

    private byte[] nextChunkBytes() throws AudioSourceException {
        while (partial.length < CHUNK_BYTES && !eof) {
            int n;
            try {
                n = in.read(readBuffer, 0, readBuffer.length);
            } catch (IOException e) {
                throw new AudioSourceException("reading " + file + " failed: " + e.getMessage(), e);
            }
            if (n < 0) {
                eof = true;
                append(converter.flush());
            } else if (n > 0) {
                append(converter.convert(readBuffer, n));
            }
        }
        if (partial.length == 0) {
            if (samplesOut == 0) {
                throw new AudioSourceException(file + " contains no audio samples (truncated or empty recording)");
            }
            ended = true;
            return null;
        }
        int take = Math.min(CHUNK_BYTES, partial.length);
        byte[] chunk = Arrays.copyOf(partial, take);
        partial = Arrays.copyOfRange(partial, take, partial.length);
        return chunk;
    }

    private void append(byte[] more) {
        if (more.length == 0) {
            return;
        }
        byte[] joined = Arrays.copyOf(partial, partial.length + more.length);
        System.arraycopy(more, 0, joined, partial.length, more.length);
        partial = joined;
    }

    /** Real-time pacing: a chunk is released no earlier than its end time would arrive live. */
    private void pace(long chunkEndMs) throws AudioSourceException {
        if (Double.isInfinite(speed)) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (startNanos < 0) {
            startNanos = now;
        }
        long due = startNanos + (long) (chunkEndMs * 1_000_000L / speed);
        long wait = due - now;
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AudioSourceException("replay of " + file + " interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to do: the file was only read
        }
    }
}
