package dev.cuecard.cli;

import dev.cuecard.asr.SpeechModel;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.DeviceCatalog;
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

    @Option(names = "--them", paramLabel = "DEVICE",
            description = "the interviewer: 'system' (what you hear: the default output), or a device from 'cuecard devices' (default: system)")
    String them;

    @Option(names = "--me", paramLabel = "DEVICE",
            description = "your microphone: 'default' (the default input) or a device from 'cuecard devices' (default: default)")
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
        try (StopHook stopHook = StopHook.install(cli, SessionRun.SHUTDOWN_WAIT)) {
            return listen(stopHook);
        }
    }

    private Integer listen(StopHook stopHook) {
        Settings settings = cli.settings().settings();
        DeviceCatalog devices = DeviceCatalog.forThisMachine(new dev.cuecard.pipeline.NamedThreadFactory("audio"));
        List<ChannelInput> inputs = CaptureInputs.open(devices,
                Optional.ofNullable(them).or(settings::themDeviceName).or(() -> devices.defaultFor(Channel.THEM)),
                Optional.ofNullable(me).or(settings::meDeviceName), cli::warn);
        if (inputs.isEmpty()) {
            throw new UserError("no channel could be opened; see 'cuecard devices', or try "
                    + "'cuecard replay FILE.wav' to run the pipeline on a recording");
        }
        cli.warn("listening on " + String.join(" and ", inputs.stream()
                .map(i -> i.channel().id() + "=" + i.source().describe()).toList()) + "; Ctrl+C to stop");
        try (SpeechModel model = modelOption.load(cli)) {
            SessionRun.run(cli, stopHook, LiveSession.with(model, Engines.classifier(cli))
                    .inputs(inputs)
                    .drafter(Engines.llm(cli, offline.on))
                    .titled(SessionKind.LIVE, "Live session (terminal)"), noSave.on, json.on, ListenCommand::text);
        }
        return 0;
    }

    /** As {@link ReplayCommand#text}, and the devices' changes (their names come from the system: escaped too). */
    static String text(PipelineEvent event) {
        if (event instanceof PipelineEvent.ChannelStatus s) {
            switch (s.state()) {
                case FAILED:
                    return s.channel().id() + " channel stopped: " + TerminalText.line(s.message());
                case LOST:
                    return s.channel().id() + " device lost: " + TerminalText.line(s.message());
                case RECOVERED:
                case SWITCHED:
                    return s.channel().id() + ": " + TerminalText.line(s.message());
                default:
                    break;
            }
        }
        return ReplayCommand.text(event);
    }
}
