package dev.cuecard.cli;

import dev.cuecard.asr.SpeechModel;
import dev.cuecard.audio.CaptureDevices;
import dev.cuecard.config.Settings;
import dev.cuecard.live.CaptureInputs;
import dev.cuecard.live.LiveSession;
import dev.cuecard.pipeline.ChannelInput;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.session.SessionKind;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "Transcribe live audio: the interviewer (system audio) and you (microphone), until Ctrl+C.")
final class ListenCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Option(names = "--them", paramLabel = "DEVICE", description = "loopback/monitor device for the interviewer")
    String them;

    @Option(names = "--me", paramLabel = "DEVICE", description = "microphone (default: the first capture device)")
    String me;

    @Mixin
    SharedFlags.Json json;

    @Mixin
    SharedFlags.NoSave noSave;

    @Mixin
    SharedFlags.Offline offline;

    @Mixin
    ModelOption modelOption = new ModelOption();

    @Override
    public Integer call() {
        Settings settings = cli.settings().settings();
        if (CaptureDevices.list().isEmpty()) {
            throw new UserError("no capture device found: connect a microphone, or try "
                    + "'cuecard replay FILE.wav' to run the pipeline on a recording");
        }
        List<ChannelInput> inputs = CaptureInputs.open(Optional.ofNullable(them).or(settings::themDeviceName),
                Optional.ofNullable(me).or(settings::meDeviceName), cli::warn);
        if (inputs.isEmpty()) {
            throw new UserError("no channel could be opened; see 'cuecard devices'");
        }
        cli.warn("listening on " + String.join(" and ", inputs.stream()
                .map(i -> i.channel().id() + "=" + i.source().describe()).toList()) + "; Ctrl+C to stop");
        try (SpeechModel model = modelOption.load(cli)) {
            SessionRun.run(cli, LiveSession.with(model, Engines.classifier(cli))
                    .inputs(inputs)
                    .drafter(Engines.llm(cli, offline.on))
                    .titled(SessionKind.LIVE, "Live session (terminal)"), noSave.on, json.on, ListenCommand::text);
        }
        return 0;
    }

    private static String text(PipelineEvent event) {
        if (event instanceof PipelineEvent.ChannelStatus s && s.state() == PipelineEvent.ChannelStatus.State.FAILED) {
            return s.channel().id() + " channel stopped: " + s.message();
        }
        return ReplayCommand.text(event);
    }
}
