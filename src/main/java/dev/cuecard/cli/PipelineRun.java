package dev.cuecard.cli;

import dev.cuecard.asr.ModelException;
import dev.cuecard.asr.SpeechModel;
import dev.cuecard.pipeline.ChannelInput;
import dev.cuecard.pipeline.Pipeline;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.pipeline.PipelineListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs a pipeline to its end for a command and remembers channel failures for the exit code. */
final class PipelineRun {
    private final List<String> failures = new CopyOnWriteArrayList<>();

    List<String> failures() {
        return failures;
    }

    /** Runs until every channel ends; Ctrl+C stops capture and lets recognizers flush. */
    void run(SpeechModel model, List<ChannelInput> inputs, PipelineListener listener) {
        run(model, inputs, null, listener);
    }

    /** As above, with question detection and hints on the interviewer's channel when given. */
    void run(SpeechModel model, List<ChannelInput> inputs, dev.cuecard.pipeline.QuestionStage questions,
             PipelineListener listener) {
        Pipeline pipeline = new Pipeline(Pipeline.RecognizerFactory.vosk(model,
                questions == null ? java.util.Map.of() : questions.spotPhrases()));
        if (questions != null) {
            pipeline.withQuestions(questions);
        }
        pipeline.addListener(e -> {
            if (e instanceof PipelineEvent.ChannelStatus s && s.state() == PipelineEvent.ChannelStatus.State.FAILED) {
                failures.add(s.channel().id() + ": " + s.message());
            }
        });
        pipeline.addListener(listener);
        // Ctrl+C / SIGTERM: stop capture, then give the command time to store the session and say how it
        // went before the JVM ends (it ends as soon as its shutdown hooks return)
        Thread hook = dev.cuecard.pipeline.NamedThreadFactory.thread("shutdown", () -> {
            pipeline.close();
            Cli.awaitCommandEnd(java.time.Duration.ofSeconds(20));
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
