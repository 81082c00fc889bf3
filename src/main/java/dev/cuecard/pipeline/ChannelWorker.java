package dev.cuecard.pipeline;

import dev.cuecard.asr.SpeechRecognizer;
import dev.cuecard.audio.AudioChunk;
import dev.cuecard.audio.AudioLevel;
import dev.cuecard.audio.AudioSourceException;
import dev.cuecard.audio.CallAudioConditioner;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.LevelMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one channel: a capture thread reads the source into a bounded queue, a recognizer thread
 * drains it into the recognizer. A live source never blocks (chunks are dropped and reported when
 * recognition falls behind); a file source waits for the recognizer (back-pressure).
 */
final class ChannelWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelWorker.class);
    /**
     * At most this much audio waits between capture and recognition (live sources drop beyond it).
     * Counted in audio, not chunks: sound-server sources deliver 20 ms chunks, files 100 ms.
     */
    static final long QUEUE_MS = 5000;
    static final int QUEUE_CHUNKS = 500;
    /** The most audio a live channel that is behind hands the recognizer at once. */
    static final long CATCH_UP_MS = 200;
    /** A captured chunk and its level, measured once on the capture thread. */
    private record Captured(AudioChunk chunk, AudioLevel level) {
    }

    private static final Captured END = new Captured(new AudioChunk(new byte[0], -1), null);

    private final ChannelInput input;
    private final SpeechRecognizer recognizer;
    private final PipelineListener listener;
    private final BlockingQueue<Captured> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
    /** Audio (ms) in the queue now. */
    private final java.util.concurrent.atomic.AtomicLong queuedMs = new java.util.concurrent.atomic.AtomicLong();
    private final Thread captureThread;
    private final Thread recognizeThread;
    private volatile boolean stopping;
    private volatile boolean paused;
    private volatile long fedMs;

    /** Told of every chunk once the recognizer has taken it, on the recognizer thread. */
    interface FedAudio {
        void fed(AudioLevel level);
    }

    private final FedAudio fedAudio;
    /**
     * High-pass and slow gain for the interviewer's call audio, or null ({@code -Dcuecard.conditioner=false},
     * and always for the microphone, which the OS already levels).
     */
    private final CallAudioConditioner conditioner;

    ChannelWorker(ChannelInput input, SpeechRecognizer recognizer, PipelineListener listener, ThreadFactory threads,
                  FedAudio fedAudio) {
        this.fedAudio = fedAudio;
        this.input = input;
        this.recognizer = recognizer;
        this.listener = listener;
        this.conditioner = input.channel() == Channel.THEM
                && Boolean.parseBoolean(System.getProperty("cuecard.conditioner", "true")) ? new CallAudioConditioner() : null;
        this.captureThread = named(threads, this::capture, "capture");
        this.recognizeThread = named(threads, this::recognize, "asr");
    }

    private Thread named(ThreadFactory threads, Runnable r, String role) {
        Thread t = threads.newThread(r);
        t.setName(t.getName() + "-" + role + "-" + input.channel().id());
        return t;
    }

    Channel channel() {
        return input.channel();
    }

    void start() {
        recognizeThread.start();
        captureThread.start();
    }

    private void capture() {
        long lastEndMs = 0;
        listener.onEvent(new PipelineEvent.ChannelStatus(channel(), PipelineEvent.ChannelStatus.State.STARTED,
                input.source().describe(), 0));
        input.source().setDeviceStatusListener((change, message, atMs) -> listener.onEvent(
                new PipelineEvent.ChannelStatus(channel(), switch (change) {
                    case LOST -> PipelineEvent.ChannelStatus.State.LOST;
                    case BACK -> PipelineEvent.ChannelStatus.State.RECOVERED;
                    case SWITCHED -> PipelineEvent.ChannelStatus.State.SWITCHED;
                }, message, atMs)));
        try {
            AudioChunk chunk;
            while (!stopping && (chunk = input.source().read()) != null) {
                lastEndMs = chunk.endMs();
                if (paused) {
                    continue; // keep draining the device so it does not overflow, but hear nothing
                }
                Captured captured = new Captured(chunk, LevelMeter.measure(channel(), chunk));
                listener.onEvent(new PipelineEvent.Level(captured.level()));
                long ms = chunk.endMs() - chunk.startMs();
                if (input.source().isLive()) {
                    if (queuedMs.get() + ms > QUEUE_MS || !queue.offer(captured)) {
                        listener.onEvent(new PipelineEvent.ChannelStatus(channel(),
                                PipelineEvent.ChannelStatus.State.OVERRUN,
                                "recognition is behind; dropped " + ms + " ms", lastEndMs));
                    } else {
                        queuedMs.addAndGet(ms);
                    }
                } else {
                    queue.put(captured);
                    queuedMs.addAndGet(ms);
                }
            }
        } catch (AudioSourceException e) {
            if (stopping) {
                return; // closing the source under a blocked read is how stop() works
            }
            LOG.warn("channel {} source failed: {}", channel().id(), e.getMessage());
            listener.onEvent(new PipelineEvent.ChannelStatus(channel(), PipelineEvent.ChannelStatus.State.FAILED,
                    e.getMessage(), lastEndMs));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("channel {} capture crashed", channel().id(), e);
            listener.onEvent(new PipelineEvent.ChannelStatus(channel(), PipelineEvent.ChannelStatus.State.FAILED,
                    "capture stopped unexpectedly: " + e, lastEndMs));
        } finally {
            input.source().close();
            endQueue();
        }
    }

    /**
     * A live channel that fell behind (a busy machine, the start-up of the JVM) takes what has queued
     * up, up to {@value #CATCH_UP_MS} ms, in one go: a recognizer call costs about the same for 20 ms
     * as for 200 ms beyond the decoding itself (partial result, events), so small chunks alone would
     * never catch up. When it keeps up, the queue holds one chunk and nothing changes.
     */
    private void catchUp(List<Captured> batch) {
        long ms = batch.get(0).chunk().endMs() - batch.get(0).chunk().startMs();
        Captured next;
        while (ms < CATCH_UP_MS && (next = queue.peek()) != null && next != END
                && next.chunk().startSample() == batch.get(batch.size() - 1).chunk().startSample()
                + batch.get(batch.size() - 1).chunk().sampleCount()) {
            batch.add(queue.poll());
            ms += next.chunk().endMs() - next.chunk().startMs();
        }
    }

    private static AudioChunk joined(List<Captured> batch) {
        if (batch.size() == 1) {
            return batch.get(0).chunk();
        }
        java.io.ByteArrayOutputStream pcm = new java.io.ByteArrayOutputStream();
        batch.forEach(c -> pcm.writeBytes(c.chunk().pcm()));
        return new AudioChunk(pcm.toByteArray(), batch.get(0).chunk().startSample());
    }

    /** The end marker must arrive even when the queue is full, or the recognizer waits forever. */
    private void endQueue() {
        while (!queue.offer(END)) {
            queue.poll();
        }
    }

    private void recognize() {
        try {
            while (true) {
                Captured captured = queue.take();
                if (captured == END) {
                    break;
                }
                List<Captured> batch = new ArrayList<>(List.of(captured));
                if (input.source().isLive()) {
                    catchUp(batch);
                }
                AudioChunk chunk = joined(batch);
                queuedMs.addAndGet(-(chunk.endMs() - chunk.startMs()));
                recognizer.accept(conditioner == null ? chunk : conditioner.process(chunk),
                        e -> listener.onEvent(new PipelineEvent.Transcript(e)));
                fedMs = chunk.endMs();
                batch.forEach(c -> fedAudio.fed(c.level()));
            }
            // flush what was heard so far, also after a device failure
            recognizer.finish(e -> listener.onEvent(new PipelineEvent.Transcript(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("channel {} recognition crashed", channel().id(), e);
            listener.onEvent(new PipelineEvent.ChannelStatus(channel(), PipelineEvent.ChannelStatus.State.FAILED,
                    "recognition stopped unexpectedly: " + e.getMessage(), fedMs));
        } finally {
            recognizer.close();
            listener.onEvent(new PipelineEvent.ChannelStatus(channel(), PipelineEvent.ChannelStatus.State.ENDED,
                    input.source().describe(), fedMs));
        }
    }

    void setPaused(boolean paused) {
        this.paused = paused;
    }

    /** Asks the source to stop; the recognizer flushes the last words and ends. */
    void stop() {
        stopping = true;
        input.source().close();
    }

    void join() throws InterruptedException {
        captureThread.join();
        recognizeThread.join();
    }

    void interrupt() {
        captureThread.interrupt();
        recognizeThread.interrupt();
    }
}
