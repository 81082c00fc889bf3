package dev.cuecard.cli;

import dev.cuecard.asr.SpeechModel;
import dev.cuecard.audio.Channel;
import dev.cuecard.pipeline.ChannelInput;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.pipeline.PipelineListener;
import dev.cuecard.session.SessionInfo;
import dev.cuecard.session.SessionKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Run the live pipeline over a recording of the interviewer (the 'them' channel).")
final class ReplayCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Parameters(paramLabel = "FILE.wav", description = "the interviewer's audio")
    Path file;

    @Option(names = "--me", paramLabel = "ME.wav", description = "a time-aligned recording of the candidate")
    Path me;

    @Option(names = "--json", description = "JSON lines of events {\"type\",\"atMs\",...}")
    boolean json;

    @Option(names = "--speed", paramLabel = "1|max", defaultValue = "1",
            description = "1 = real time (default), max = as fast as recognition goes")
    String speed;

    @Option(names = "--offline", description = "template hints only, never the network (the default until an LLM is configured)")
    boolean offline;

    @Option(names = "--no-save", description = "do not store the session (by default it is, and its id is printed on stderr)")
    boolean noSave;

    @Mixin
    ModelOption modelOption;

    @Override
    public Integer call() {
        double factor = WavSources.parseSpeed(speed);
        List<ChannelInput> inputs = new ArrayList<>();
        inputs.add(new ChannelInput(Channel.THEM, WavSources.open(cli, file, factor)));
        if (me != null) {
            inputs.add(new ChannelInput(Channel.ME, WavSources.open(cli, me, factor)));
        }
        PrintWriter out = cli.out();
        PipelineRun run = new PipelineRun();
        dev.cuecard.pipeline.QuestionStage questions = new dev.cuecard.pipeline.QuestionStage(
                Engines.classifier(cli), new dev.cuecard.hint.TemplateHintEngine(),
                Engines.llm(cli, offline).map(dev.cuecard.pipeline.HintDrafting::new).orElse(null));
        try (StoredSession session = StoredSession.open(cli, noSave); SpeechModel model = modelOption.load(cli)) {
            PipelineListener save = session.start(new SessionInfo(SessionKind.REPLAY, file.getFileName().toString(),
                    file.toString(), me == null ? null : me.toString(), model.dir().getFileName().toString(), null));
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
        return run.failures().size() == inputs.size() ? 1 : 0;
    }

    static String text(PipelineEvent event) {
        if (event instanceof PipelineEvent.Transcript t && t.event().isFinal()) {
            return String.format(Locale.ROOT, "%-4s %7.1fs  %s", t.channel().id(), t.event().startMs() / 1000.0,
                    t.event().text());
        }
        if (event instanceof PipelineEvent.HintReady h) {
            return String.format(Locale.ROOT, "%-4s %7.1fs  >> %s [%s] %s", h.channel().id(), h.atMs() / 1000.0,
                    h.hint().title(), h.hint().category().id(), h.hint().gist());
        }
        if (event instanceof PipelineEvent.HintUpdate u && u.complete()) {
            return String.format(Locale.ROOT, "%-4s %7.1fs  >> llm: %s — %s", u.channel().id(), u.atMs() / 1000.0,
                    u.hint().title(), u.hint().gist());
        }
        if (event instanceof PipelineEvent.LlmStatus s && s.state() == PipelineEvent.LlmStatus.State.FAILED) {
            return String.format(Locale.ROOT, "%-4s %7.1fs  (%s; template hint kept)", s.channel().id(),
                    s.atMs() / 1000.0, s.message());
        }
        if (event instanceof PipelineEvent.TextSent t && t.offMachine()) {
            return String.format(Locale.ROOT, "%-4s %7.1fs  (question and transcript sent to %s)", t.channel().id(),
                    t.atMs() / 1000.0, t.destination());
        }
        return null;
    }
}
