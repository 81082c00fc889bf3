package dev.cuecard.cli;

import dev.cuecard.asr.SpeechModel;
import dev.cuecard.audio.Channel;
import dev.cuecard.live.LiveSession;
import dev.cuecard.pipeline.ChannelInput;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.session.SessionKind;
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

    @Mixin
    SharedFlags.Json json;

    @Option(names = "--speed", paramLabel = "1|max", defaultValue = "1",
            description = "1 = real time (default), max = as fast as recognition goes")
    String speed;

    @Mixin
    SharedFlags.Offline offline;

    @Mixin
    SharedFlags.NoSave noSave;

    @Mixin
    ModelOption modelOption;

    @Override
    public Integer call() {
        try (StopHook stopHook = StopHook.install(cli, SessionRun.SHUTDOWN_WAIT)) {
            return replay(stopHook);
        }
    }

    private Integer replay(StopHook stopHook) {
        double factor = WavSources.parseSpeed(speed);
        List<ChannelInput> inputs = new ArrayList<>();
        inputs.add(new ChannelInput(Channel.THEM, WavSources.open(cli, file, factor)));
        if (me != null) {
            inputs.add(new ChannelInput(Channel.ME, WavSources.open(cli, me, factor)));
        }
        List<String> failures;
        try (SpeechModel model = modelOption.load(cli)) {
            failures = SessionRun.run(cli, stopHook, LiveSession.with(model, Engines.classifier(cli))
                    .inputs(inputs)
                    .drafter(Engines.llm(cli, offline.on))
                    .titled(SessionKind.REPLAY, file.getFileName().toString())
                    .sourceNames(file.toString(), me == null ? null : me.toString()), noSave.on, json.on, ReplayCommand::text);
        }
        return failures.size() == inputs.size() ? 1 : 0;
    }

    /**
     * The text line for an event, or null for none. Everything in it that our code did not write
     * (what was heard, the user's templates, an LLM's draft or error, a configured address) is
     * shown escaped ({@link TerminalText#line}), as {@code debrief show} shows it: a user template
     * or a reply with a terminal escape cannot retitle the window, clear the screen or fake a line.
     */
    static String text(PipelineEvent event) {
        if (event instanceof PipelineEvent.Transcript t && t.event().isFinal()) {
            return String.format(Locale.ROOT, "%-4s %7.1fs  %s", t.channel().id(), t.event().startMs() / 1000.0,
                    TerminalText.line(t.event().text()));
        }
        if (event instanceof PipelineEvent.HintReady h) {
            return String.format(Locale.ROOT, "%-4s %7.1fs  >> %s [%s] %s", h.channel().id(), h.atMs() / 1000.0,
                    TerminalText.line(h.hint().title()), h.hint().category().id(), TerminalText.line(h.hint().gist()));
        }
        if (event instanceof PipelineEvent.HintUpdate u && u.complete()) {
            return String.format(Locale.ROOT, "%-4s %7.1fs  >> llm: %s — %s", u.channel().id(), u.atMs() / 1000.0,
                    TerminalText.line(u.hint().title()), TerminalText.line(u.hint().gist()));
        }
        if (event instanceof PipelineEvent.LlmStatus s && s.state() == PipelineEvent.LlmStatus.State.FAILED) {
            return String.format(Locale.ROOT, "%-4s %7.1fs  (%s; template hint kept)", s.channel().id(),
                    s.atMs() / 1000.0, TerminalText.line(s.message()));
        }
        if (event instanceof PipelineEvent.Coverage c) {
            return String.format(Locale.ROOT, "%-4s %7.1fs  ✓ %s", c.channel().id(), c.atMs() / 1000.0,
                    TerminalText.line(c.point()));
        }
        if (event instanceof PipelineEvent.AnswerEnd a) {
            return String.format(Locale.ROOT, "%-4s %7.1fs  answer: %.0f s, %.0f words/min, %d filler(s), %d of %d key points%s",
                    a.channel().id(), a.atMs() / 1000.0, a.durationMs() / 1000.0, a.wordsPerMinute(), a.fillers(),
                    a.covered().size(), a.covered().size() + a.missed().size(),
                    a.likelyFollowUp().map(f -> "; be ready for: " + TerminalText.line(f)).orElse(""));
        }
        if (event instanceof PipelineEvent.TextSent t && t.offMachine()) {
            return String.format(Locale.ROOT, "%-4s %7.1fs  (question and transcript sent to %s)", t.channel().id(),
                    t.atMs() / 1000.0, TerminalText.line(t.destination()));
        }
        return null;
    }
}
