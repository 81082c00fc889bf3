package dev.cuecard.cli;

import dev.cuecard.asr.SpeechModel;
import dev.cuecard.audio.AudioSourceException;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.WavFileSource;
import dev.cuecard.pipeline.ChannelInput;
import dev.cuecard.pipeline.PipelineEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "transcribe", mixinStandardHelpOptions = true,
        description = "Print the final transcript of a WAV file (any PCM rate, channels, 8/16/24/32-bit).")
final class TranscribeCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Parameters(paramLabel = "FILE.wav", description = "the recording")
    Path file;

    @Mixin
    SharedFlags.Json json;

    @Mixin
    ModelOption modelOption;

    @Override
    public Integer call() {
        WavFileSource source = WavSources.open(cli, file, Double.POSITIVE_INFINITY);
        PrintWriter out = cli.out();
        PipelineRun run = new PipelineRun();
        try (SpeechModel model = modelOption.load(cli)) {
            run.run(model, List.of(new ChannelInput(Channel.THEM, source)), event -> {
                if (event instanceof PipelineEvent.Transcript t && t.event().isFinal()) {
                    synchronized (out) {
                        // the words are the model's, and the model may be the user's own (--model, modelDir)
                        out.println(json.on ? EventJson.segment(t.event()) : TerminalText.line(t.event().text()));
                        out.flush();
                    }
                }
            });
        }
        if (!run.failures().isEmpty()) {
            throw new UserError(run.failures().get(0));
        }
        return 0;
    }
}
