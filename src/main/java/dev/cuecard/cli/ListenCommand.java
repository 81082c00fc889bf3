package dev.cuecard.cli;

import dev.cuecard.asr.SpeechModel;
import dev.cuecard.audio.AudioSourceException;
import dev.cuecard.audio.CaptureDevice;
import dev.cuecard.audio.CaptureDevices;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.MicrophoneSource;
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

    @Option(names = "--them", paramLabel = "DEVICE", description = "loopback/monitor device for the interviewer")
    String them;

    @Option(names = "--me", paramLabel = "DEVICE", description = "microphone (default: the first capture device)")
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
        List<CaptureDevice> devices = CaptureDevices.list();
        if (devices.isEmpty()) {
            throw new UserError("no capture device found: connect a microphone, or try "
                    + "'cuecard replay FILE.wav' to run the pipeline on a recording");
        }
        List<ChannelInput> inputs = new ArrayList<>();
        Optional<String> themName = Optional.ofNullable(them).or(settings::themDeviceName);
        Optional<String> meName = Optional.ofNullable(me).or(settings::meDeviceName);
        themName.ifPresent(name -> open(Channel.THEM, name).ifPresent(inputs::add));
        CaptureDevice meDevice = meName.flatMap(CaptureDevices::find)
                .orElseGet(() -> devices.stream().filter(d -> !d.looksLikeLoopback()).findFirst().orElse(devices.get(0)));
        if (meName.isPresent() && CaptureDevices.find(meName.get()).isEmpty()) {
            cli.warn("microphone '" + meName.get() + "' not found; using '" + meDevice.name() + "'");
        }
        openDevice(Channel.ME, meDevice).ifPresent(inputs::add);
        if (inputs.isEmpty()) {
            throw new UserError("no channel could be opened; see 'cuecard devices'");
        }
        PrintWriter out = cli.out();
        cli.warn("listening on " + String.join(" and ", inputs.stream()
                .map(i -> i.channel().id() + "=" + i.source().describe()).toList()) + "; Ctrl+C to stop");
        PipelineRun run = new PipelineRun();
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
                save.onEvent(event);
                String line = json ? EventJson.event(event).orElse(null) : text(event);
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
    }

    private Optional<ChannelInput> open(Channel channel, String name) {
        Optional<CaptureDevice> device = CaptureDevices.find(name);
        if (device.isEmpty()) {
            cli.warn("device '" + name + "' for " + channel.id() + " not found (see 'cuecard devices'); "
                    + channel.id() + " channel off");
            return Optional.empty();
        }
        return openDevice(channel, device.get());
    }

    private Optional<ChannelInput> openDevice(Channel channel, CaptureDevice device) {
        try {
            return Optional.of(new ChannelInput(channel, new MicrophoneSource(device)));
        } catch (AudioSourceException e) {
            cli.warn(channel.id() + " channel off: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String text(PipelineEvent event) {
        if (event instanceof PipelineEvent.ChannelStatus s && s.state() == PipelineEvent.ChannelStatus.State.FAILED) {
            return s.channel().id() + " channel stopped: " + s.message();
        }
        return ReplayCommand.text(event);
    }
}
