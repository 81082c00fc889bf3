package dev.cuecard.cli;

import dev.cuecard.asr.SpeechModel;
import dev.cuecard.audio.AudioSourceException;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.DeviceCatalog;
import dev.cuecard.config.AppPaths;
import dev.cuecard.config.Settings;
import dev.cuecard.config.SettingsStore;
import dev.cuecard.pipeline.ChannelInput;
import dev.cuecard.pipeline.PipelineEvent;
import java.io.PrintWriter;
import java.util.ArrayList;
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

    @Option(names = "--json", description = "JSON lines of events, as replay --json")
    boolean json;

    @Option(names = "--no-save", description = "do not store the session (by default it is, and its id is printed on stderr)")
    boolean noSave;

    @Option(names = "--offline", description = "template hints only, never the network")
    boolean offline;

    @Mixin
    ModelOption modelOption = new ModelOption();

    @Override
    public Integer call() {
        SettingsStore.Loaded loaded = SettingsStore.load(AppPaths.fromEnvironment());
        Settings settings = loaded.settings();
        DeviceCatalog devices = DeviceCatalog.forThisMachine(new dev.cuecard.pipeline.NamedThreadFactory("audio"));
        List<ChannelInput> inputs = new ArrayList<>();
        Optional<String> themName = Optional.ofNullable(them).or(settings::themDeviceName)
                .or(() -> devices.defaultFor(Channel.THEM));
        Optional<String> meName = Optional.ofNullable(me).or(settings::meDeviceName).or(() -> devices.defaultFor(Channel.ME));
        devices.notice().ifPresent(cli::warn);
        themName.ifPresent(name -> open(devices, Channel.THEM, name).ifPresent(inputs::add));
        meName.ifPresent(name -> open(devices, Channel.ME, name).ifPresent(inputs::add));
        if (inputs.isEmpty()) {
            throw new UserError("no channel could be opened; see 'cuecard devices', or try "
                    + "'cuecard replay FILE.wav' to run the pipeline on a recording");
        }
        PrintWriter out = cli.out();
        cli.warn("listening on " + String.join(" and ", inputs.stream()
                .map(i -> i.channel().id() + "=" + i.source().describe()).toList()) + "; Ctrl+C to stop");
        PipelineRun run = new PipelineRun();
        run.holdExitUntilReleased(); // Ctrl+C: the session is stored and its id printed before the JVM exits
        try {
            dev.cuecard.pipeline.QuestionStage questions = new dev.cuecard.pipeline.QuestionStage(
                    Engines.classifier(cli), new dev.cuecard.hint.TemplateHintEngine(),
                    Engines.llm(cli, offline).map(dev.cuecard.pipeline.HintDrafting::new).orElse(null));
            try (StoredSession session = StoredSession.open(cli, noSave); SpeechModel model = modelOption.load(cli)) {
                String them = inputs.stream().filter(i -> i.channel() == Channel.THEM).map(i -> i.source().describe())
                        .findFirst().orElse(null);
                String me = inputs.stream().filter(i -> i.channel() == Channel.ME).map(i -> i.source().describe())
                        .findFirst().orElse(null);
                dev.cuecard.pipeline.PipelineListener save = session.start(new dev.cuecard.session.SessionInfo(
                        dev.cuecard.session.SessionKind.LIVE, "Live session (terminal)", them, me,
                        model.dir().getFileName().toString(), null));
                run.run(model, inputs, questions, event -> {
                    long epochMs = System.currentTimeMillis(); // when it was emitted: this listener runs at once
                    save.onEvent(event);
                    String line = json ? EventJson.timedEvent(event, epochMs).orElse(null) : text(event);
                    if (line != null) {
                        synchronized (out) {
                            out.println(line);
                            out.flush();
                        }
                    }
                });
            }
            run.failures().forEach(cli::warn);
            return 0;
        } finally {
            run.release();
        }
    }

    private Optional<ChannelInput> open(DeviceCatalog devices, Channel channel, String name) {
        try {
            return Optional.of(new ChannelInput(channel, devices.open(name)));
        } catch (AudioSourceException e) {
            cli.warn(channel.id() + " channel off: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String text(PipelineEvent event) {
        if (event instanceof PipelineEvent.ChannelStatus s) {
            switch (s.state()) {
                case FAILED:
                    return s.channel().id() + " channel stopped: " + s.message();
                case LOST:
                    return s.channel().id() + " device lost: " + s.message();
                case RECOVERED:
                case SWITCHED:
                    return s.channel().id() + ": " + s.message();
                default:
                    break;
            }
        }
        return ReplayCommand.text(event);
    }
}
