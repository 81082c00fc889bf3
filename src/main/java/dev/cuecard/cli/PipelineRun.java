package dev.cuecard.cli;

import dev.cuecard.asr.ModelException;
import dev.cuecard.asr.SpeechModel;
import dev.cuecard.pipeline.ChannelInput;
import dev.cuecard.pipeline.Pipeline;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.pipeline.PipelineListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs a transcription pipeline to its end and remembers channel failures for the exit code. */
final class PipelineRun {
    private final List<String> failures = new CopyOnWriteArrayList<>();
    /** Counted down by {@link #release()}: Ctrl+C waits for it, so the command can store its session. */
    private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean holdExit;

    /**
     * A live command ends only by Ctrl+C or SIGTERM: the JVM exits once its shutdown hooks are done,
     * so the hook that stops the pipeline then waits (up to 10 s) until {@link #release()} — called
     * after the session has been stored and its id printed.
     */
    void holdExitUntilReleased() {
        holdExit = true;
    }

    void release() {
        released.countDown();
    }

    List<String> failures() {
        return failures;
    }

    /** Runs until every channel ends (transcription only); Ctrl+C stops capture and lets recognizers flush. */
    void run(SpeechModel model, List<ChannelInput> inputs, PipelineListener listener) {
        Pipeline pipeline = new Pipeline(Pipeline.RecognizerFactory.vosk(model));
        pipeline.addListener(e -> {
            if (e instanceof PipelineEvent.ChannelStatus s && s.state() == PipelineEvent.ChannelStatus.State.FAILED) {
                failures.add(s.channel().id() + ": " + s.message());
            }
        });
        pipeline.addListener(listener);
        Thread hook = dev.cuecard.pipeline.NamedThreadFactory.thread("shutdown", () -> {
            pipeline.close();
            if (holdExit) {
                try {
                    released.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            for (ChannelInput in : inputs) {
                pipeline.addChannel(in);
            }
            pipeline.start();
            pipeline.awaitEnd();
        } catch (ModelException e) {
            throw new UserError(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pipeline.close();
        } finally {
            pipeline.close(); // ends the LLM drafting thread too
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running; it closes the pipeline
            }
        }
    }
}
