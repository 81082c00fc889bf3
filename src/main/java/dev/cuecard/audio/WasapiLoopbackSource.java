package dev.cuecard.audio;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import xt.audio.Enums.XtSample;
import xt.audio.Enums.XtSystem;
import xt.audio.Structs.XtBuffer;
import xt.audio.Structs.XtBufferSize;
import xt.audio.Structs.XtChannels;
import xt.audio.Structs.XtDeviceStreamParams;
import xt.audio.Structs.XtFormat;
import xt.audio.Structs.XtMix;
import xt.audio.Structs.XtStreamParams;
import xt.audio.XtAudio;
import xt.audio.XtDevice;
import xt.audio.XtPlatform;
import xt.audio.XtService;
import xt.audio.XtStream;

/**
 * Windows: what the default output plays, through WASAPI loopback (XT-Audio), so no Stereo Mix or
 * virtual cable is needed. The shared-mode mix format (usually 48 kHz stereo float) is converted to
 * 16 kHz mono by {@link PcmConverter}. WASAPI delivers no loopback buffers while nothing plays, so
 * silence is filled in from the wall clock: the recognizer still sees the pause that ends a question.
 *
 * <p>Built and unit-tested (the format conversion) on Linux; not yet tried on Windows (README).
 */
final class WasapiLoopbackSource implements AudioSource {
    private static final Logger LOG = LoggerFactory.getLogger(WasapiLoopbackSource.class);
    private static final byte[] END = new byte[0];
    private static final long SILENCE_AFTER_MS = 100;

    private final XtPlatform platform;
    private final XtDevice device;
    private final XtStream stream;
    private final PcmConverter converter;
    private final int bytesPerFrame;
    private final String name;
    private final BlockingQueue<byte[]> buffers = new ArrayBlockingQueue<>(200);
    private volatile String failure;
    private volatile boolean closed;
    private long samplesOut;
    private long startNanos = -1;

    WasapiLoopbackSource() throws AudioSourceException {
        XtPlatform p = null;
        XtDevice d = null;
        try {
            p = XtAudio.init("Cuecard", null);
            XtService service = p.getService(XtSystem.WASAPI);
            if (service == null) {
                throw new AudioSourceException("WASAPI is not available on this Windows");
            }
            String output = service.getDefaultDeviceId(true);
            if (output == null) {
                throw new AudioSourceException("Windows has no default output device to capture");
            }
            d = service.openDevice(XtSampleFormats.loopbackId(output));
            Optional<XtMix> mix = d.getMix();
            XtMix m = mix.orElse(new XtMix(48_000, XtSample.FLOAT32));
            int channels = Math.max(1, d.getChannelCount(false));
            XtFormat format = new XtFormat(m, new XtChannels(channels, 0, 0, 0));
            if (!d.supportsFormat(format)) {
                throw new AudioSourceException("the default output's loopback refuses its own mix format ("
                        + m.rate + " Hz, " + m.sample + ", " + channels + " ch)");
            }
            XtBufferSize size = d.getBufferSize(format);
            double bufferMs = Math.max(size.min, Math.min(size.max, 20.0));
            this.converter = new PcmConverter(XtSampleFormats.audioFormat(m.sample, m.rate, channels));
            this.bytesPerFrame = XtSampleFormats.bytesPerSample(m.sample) * channels;
            XtStreamParams streamParams = new XtStreamParams(true, this::onBuffer, null, this::onRunning);
            this.stream = d.openStream(new XtDeviceStreamParams(streamParams, format, bufferMs), null);
            this.platform = p;
            this.device = d;
            this.name = "system (WASAPI loopback, " + m.rate + " Hz " + channels + " ch)";
            stream.start();
        } catch (AudioSourceException e) {
            closeQuietly(d, p);
            throw e;
        } catch (Exception | LinkageError e) {
            closeQuietly(d, p);
            throw new AudioSourceException("WASAPI loopback capture could not start: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(XtDevice d, XtPlatform p) {
        if (d != null) {
            d.close();
        }
        if (p != null) {
            p.close();
        }
    }

    /** On XT-Audio's audio thread: copy the interleaved bytes out, never block. */
    private int onBuffer(XtStream s, XtBuffer buffer, Object user) {
        int bytes = buffer.frames * bytesPerFrame;
        if (bytes > 0 && buffer.input != null) {
            byte[] copy = new byte[bytes];
            buffer.input.read(0, copy, 0, bytes);
            if (!buffers.offer(copy)) {
                LOG.warn("WASAPI loopback: capture queue full, {} bytes dropped", bytes);
            }
        }
        return 0;
    }

    private void onRunning(XtStream s, boolean running, long error, Object user) {
        if (!running && error != 0 && !closed) {
            failure = XtAudio.getErrorInfo(error).toString();
            buffers.offer(END);
        }
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
        if (startNanos < 0) {
            startNanos = System.nanoTime();
        }
        while (!closed) {
            byte[] b;
            try {
                b = buffers.poll(SILENCE_AFTER_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AudioSourceException("capture interrupted", e);
            }
            if (closed) {
                return null;
            }
            if (b == END) {
                throw new AudioSourceException("the default output went away (" + failure + "); what was heard is kept");
            }
            byte[] pcm = b == null ? silenceUntilNow() : converter.convert(b, b.length);
            if (pcm.length > 0) {
                AudioChunk c = new AudioChunk(pcm, samplesOut);
                samplesOut += c.sampleCount();
                return c;
            }
        }
        return null;
    }

    /** Nothing plays: the time since the last audio, as silence. */
    private byte[] silenceUntilNow() {
        long due = (System.nanoTime() - startNanos) * PcmFormat.SAMPLE_RATE / 1_000_000_000L;
        long missing = due - samplesOut;
        return missing <= 0 ? new byte[0] : new byte[(int) Math.min(missing, PcmFormat.SAMPLE_RATE) * 2];
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        buffers.offer(END);
        try {
            stream.stop();
        } finally {
            stream.close();
            device.close();
            platform.close();
        }
    }
}
