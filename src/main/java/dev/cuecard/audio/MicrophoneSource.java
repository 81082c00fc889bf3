package dev.cuecard.audio;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/**
 * Captures from a device (microphone, or a loopback/monitor device for system audio).
 * Asks for 16 kHz mono s16le first; when the device refuses, captures a format it offers and
 * converts it.
 */
public final class MicrophoneSource implements AudioSource {
    private static final float[] FALLBACK_RATES = {48_000f, 44_100f, 32_000f, 22_050f, 16_000f, 8_000f};

    private final CaptureDevice device;
    private final TargetDataLine line;
    private final PcmConverter converter;
    private final byte[] buffer;
    private long samplesOut;
    private volatile boolean closed;

    public MicrophoneSource(CaptureDevice device) throws AudioSourceException {
        this.device = device;
        Mixer mixer = AudioSystem.getMixer(device.mixerInfo());
        TargetDataLine opened = null;
        AudioFormat chosen = null;
        List<String> refusals = new ArrayList<>();
        for (AudioFormat candidate : candidates()) {
            DataLine.Info info = new DataLine.Info(TargetDataLine.class, candidate);
            if (!mixer.isLineSupported(info)) {
                continue;
            }
            try {
                TargetDataLine l = (TargetDataLine) mixer.getLine(info);
                l.open(candidate);
                l.start();
                opened = l;
                chosen = candidate;
                break;
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                refusals.add(CaptureDevices.describe(candidate) + ": " + e.getMessage());
            }
        }
        if (opened == null) {
            throw new AudioSourceException("device '" + device.name() + "' refused every capture format we tried"
                    + (refusals.isEmpty() ? "" : " (" + refusals.get(0) + ")")
                    + "; close other programs using it or pick another device (cuecard devices)");
        }
        this.line = opened;
        this.converter = new PcmConverter(chosen);
        // ~100 ms of the device's own format per read
        int frame = chosen.getFrameSize();
        this.buffer = new byte[frame * Math.max(1, (int) (chosen.getSampleRate() / 10))];
    }

    private static List<AudioFormat> candidates() {
        List<AudioFormat> list = new ArrayList<>();
        list.add(PcmFormat.TARGET);
        for (float rate : FALLBACK_RATES) {
            for (int ch : new int[] {1, 2}) {
                list.add(new AudioFormat(rate, 16, ch, true, false));
                list.add(new AudioFormat(rate, 16, ch, true, true));
                list.add(new AudioFormat(rate, 24, ch, true, false));
            }
        }
        return list;
    }

    public AudioFormat captureFormat() {
        return converter.sourceFormat();
    }

    @Override
    public String describe() {
        return device.name();
    }

    @Override
    public boolean isLive() {
        return true;
    }

    @Override
    public AudioChunk read() throws AudioSourceException {
        while (true) {
            if (closed) {
                return null;
            }
            int n = line.read(buffer, 0, buffer.length);
            if (closed) {
                return null;
            }
            if (n <= 0 || !line.isOpen()) {
                throw new AudioSourceException("device '" + device.name() + "' stopped delivering audio"
                        + " (unplugged or taken by another program); what was heard so far is kept");
            }
            byte[] pcm = converter.convert(buffer, n);
            if (pcm.length > 0) {
                AudioChunk chunk = new AudioChunk(pcm, samplesOut);
                samplesOut += chunk.sampleCount();
                return chunk;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        line.stop();
        line.close();
    }
}
