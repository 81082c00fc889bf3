package dev.cuecard.cli;

import dev.cuecard.config.AppVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code cuecard} command: the headless contract of ARCHITECTURE.md. */
@Command(name = "cuecard", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        resourceBundle = "dev.cuecard.cli.Options",
        description = "Offline interview copilot: speech recognition, question cues, practice.")
public final class Cli implements Runnable {
    @Spec
    CommandSpec spec;

    private java.io.InputStream in = System.in;
    private java.util.Map<String, String> env = System.getenv();
    private dev.cuecard.config.AppPaths paths;
    private dev.cuecard.config.SettingsStore.Loaded settings;
    /** Null until a command asks; then the one LLM client set of this run (or none), closed after the command. */
    private java.util.Optional<dev.cuecard.hint.llm.LlmServices> llm;
    private String llmProblem;

    /** Version line for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cuecard " + AppVersion.get()};
        }
    }

    @picocli.CommandLine.Option(names = "--demo",
            description = "open the app replaying a bundled mock interview through the whole pipeline")
    boolean demo;

    @picocli.CommandLine.Option(names = "--exit-after", hidden = true, paramLabel = "SECONDS",
            description = "quit the app by itself after this many seconds (smoke tests, screenshots)")
    int exitAfter;

    @picocli.CommandLine.Option(names = "--fx-report", hidden = true,
            description = "print the longest FX-thread stall when the app closes")
    boolean fxReport;

    @picocli.CommandLine.Option(names = "--fx-bench", hidden = true,
            description = "a scripted tour (start-up, demo, debrief, practice) printing FX frame gaps per phase, then quit")
    boolean fxBench;

    @picocli.CommandLine.Option(names = "--startup-report", hidden = true,
            description = "print, when the app closes, when (epoch ms) the main window showed and listening began")
    boolean startupReport;

    /** No command: the desktop app. */
    @Override
    public void run() {
        if (exitAfter < 0) {
            throw new UserError("--exit-after must be 0 or more seconds (got " + exitAfter + ")", 2);
        }
        dev.cuecard.ui.DesktopLauncher.cannotOpen().ifPresent(reason -> {
            throw new UserError(reason);
        });
        dev.cuecard.ui.DesktopLauncher.launch(new dev.cuecard.ui.DesktopOptions(demo, exitAfter, env(), fxBench));
        if (fxReport || fxBench) {
            dev.cuecard.ui.DesktopLauncher.lastReport().ifPresent(r -> {
                out().printf(java.util.Locale.ROOT, "fx frames %d, longest gap between frames %.1f ms, gaps over 50 ms: %d%n",
                        r.frames(), r.maxGapMs(), r.gapsOver50ms());
                if (fxBench) {
                    r.phases().forEach(p -> out().printf(java.util.Locale.ROOT,
                            "fx phase %-9s %5.1f s %5d frames | gap p99 %6.1f ms, max %6.1f ms, over 50 ms: %3d"
                                    + " | FX-thread CPU per gap p99 %5.1f ms, max %6.1f ms%n",
                            p.name(), p.seconds(), p.frames(), p.p99GapMs(), p.maxGapMs(), p.gapsOver50ms(),
                            p.p99FxCpuMs(), p.maxFxCpuMs()));
                }
            });
            out().flush();
        }
        if (startupReport) {
            dev.cuecard.ui.DesktopLauncher.lastStartup().ifPresent(t -> out().printf(java.util.Locale.ROOT,
                    "startup: window_shown_at=%s listening_at=%s (epoch ms)%n",
                    t.windowShownAtEpochMs().isPresent() ? t.windowShownAtEpochMs().getAsLong() : "-",
                    t.listeningAtEpochMs().isPresent() ? t.listeningAtEpochMs().getAsLong() : "-"));
            out().flush();
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    java.io.InputStream in() {
        return in;
    }

    /** The environment (CUECARD_HOME, the LLM variables); replaceable so tests need not fork a process. */
    java.util.Map<String, String> env() {
        return env;
    }

    /** The data folder, from the injected environment (or the {@code cuecard.home} property). */
    synchronized dev.cuecard.config.AppPaths paths() {
        if (paths == null) {
            paths = dev.cuecard.config.AppPaths.from(env);
        }
        return paths;
    }

    /** The settings file, read once per command; a problem with it is warned about once. */
    synchronized dev.cuecard.config.SettingsStore.Loaded settings() {
        if (settings == null) {
            settings = dev.cuecard.config.SettingsStore.load(paths());
            settings.problem().ifPresent(this::warn);
        }
        return settings;
    }

    /**
     * The LLM services when an endpoint is configured (settings file or environment) and not
     * {@code offline}; otherwise empty, and nothing touches the network. One per run, closed when
     * the command ends.
     */
    synchronized java.util.Optional<dev.cuecard.hint.llm.LlmServices> llm(boolean offline) {
        if (offline) {
            return java.util.Optional.empty();
        }
        if (llm == null) {
            try {
                llm = dev.cuecard.hint.llm.LlmConfig.resolve(settings().settings().llmSettings(), env)
                        .map(c -> new dev.cuecard.hint.llm.LlmServices(c, dev.cuecard.config.UserContext.load(paths()),
                                new dev.cuecard.pipeline.NamedThreadFactory("llm-http")));
            } catch (dev.cuecard.hint.llm.LlmConfig.InvalidConfigException e) {
                warn(e.getMessage() + "; the LLM is off for this run");
                llmProblem = e.getMessage();
                llm = java.util.Optional.empty();
            }
        }
        return llm;
    }

    /** Why an LLM that is configured is off for this run (a URL that is not one, …); empty when it is not. */
    synchronized java.util.Optional<String> llmProblem() {
        return java.util.Optional.ofNullable(llmProblem);
    }

    private synchronized void closeServices() {
        if (llm != null) {
            llm.ifPresent(dev.cuecard.hint.llm.LlmServices::close);
        }
    }

    /** Messages already given in this run: a warning is said once, however many parts find it. */
    private final java.util.Set<String> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** One line on stderr (control characters shown escaped); the same warning only once per run. */
    void warn(String message) {
        String line = TerminalText.line(message);
        if (!warned.add(line)) {
            return;
        }
        PrintWriter err = err();
        synchronized (err) {
            err.println("cuecard: warning: " + line);
            err.flush();
        }
    }

    /** Builds the command line with our error handling; used by {@link dev.cuecard.Main} and tests. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, System.in);
    }

    /** As {@link #commandLine(PrintWriter, PrintWriter)} with a given standard input. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, java.io.InputStream in) {
        return commandLine(out, err, in, System.getenv());
    }

    /** As above with a given environment. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, java.io.InputStream in,
                                          java.util.Map<String, String> env) {
        return commandLine(out, err, in, env, COMMANDS.keySet());
    }

    /**
     * The subcommands by name, in the order help lists them. Built on demand: picocli reads every
     * command's annotations (and loads the classes they name) when it is added, ~0.2 s for all of
     * them on this machine — a cost the desktop app and a one-line command should not pay.
     */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> COMMANDS = commands();

    private static java.util.Map<String, java.util.function.Supplier<Object>> commands() {
        java.util.Map<String, java.util.function.Supplier<Object>> m = new java.util.LinkedHashMap<>();
        m.put("transcribe", TranscribeCommand::new);
        m.put("classify", ClassifyCommand::new);
        m.put("hint", HintCommand::new);
        m.put("replay", ReplayCommand::new);
        m.put("devices", DevicesCommand::new);
        m.put("listen", ListenCommand::new);
        m.put("debrief", DebriefCommand::new);
        m.put("practice", PracticeCommand::new);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The subcommands these arguments need: none for the desktop app (options only), the one named
     * first, or all of them for anything else (help, a misspelt command that picocli suggests for).
     */
    static java.util.Collection<String> commandsFor(String... args) {
        if (args.length == 0 || args[0].startsWith("-") && java.util.Arrays.stream(args).noneMatch(COMMANDS::containsKey)) {
            boolean help = java.util.Arrays.stream(args).anyMatch(a -> a.equals("-h") || a.equals("--help"));
            return help ? COMMANDS.keySet() : java.util.List.of();
        }
        return COMMANDS.containsKey(args[0]) ? java.util.List.of(args[0]) : COMMANDS.keySet();
    }

    /**
     * Whether these arguments run a command that matches questions by meaning: it needs the sentence
     * model (~0.5 s to load, the longest part of its start), so {@link #run} starts loading it before
     * picocli parses. Help, version and commands without the model ({@code practice plan}) do not.
     */
    static boolean needsSentenceModel(String... args) {
        if (args.length == 0 || java.util.Arrays.stream(args).anyMatch(Cli::asksHelpOrVersion)) {
            return false;
        }
        return switch (args[0]) {
            case "classify", "hint", "listen", "replay" -> true;
            case "practice" -> args.length > 1 && args[1].equals("score");
            default -> false;
        };
    }

    private static boolean asksHelpOrVersion(String arg) {
        return arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version");
    }

    private static void preloadSentenceModel(java.util.Map<String, String> env, String... args) {
        if (needsSentenceModel(args)) {
            java.nio.file.Path cache = dev.cuecard.config.AppPaths.from(env).cacheDir();
            // a daemon thread: a command that fails to parse ends the process at once all the same
            dev.cuecard.pipeline.NamedThreadFactory.thread("sentence-model-preload",
                    () -> dev.cuecard.question.SemanticMatcher.preloadShipped(cache)).start();
        }
    }

    /** The command line {@link #run} uses: only the subcommands these arguments need ({@link #commandsFor}). */
    static CommandLine commandLineFor(PrintWriter out, PrintWriter err, java.io.InputStream in, String... args) {
        return commandLine(out, err, in, System.getenv(), commandsFor(args));
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err, java.io.InputStream in,
                                           java.util.Map<String, String> env, java.util.Collection<String> commands) {
        Cli cli = new Cli();
        cli.in = in;
        cli.env = env;
        CommandLine cl = new CommandLine(cli);
        commands.forEach(name -> cl.addSubcommand(COMMANDS.get(name).get()));
        if (commands.size() == COMMANDS.size()) {
            cl.addSubcommand("help", new CommandLine.HelpCommand()); // "cuecard help replay", as git and others take it
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new ErrorHandler.BadUsage());
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cl.setExecutionStrategy(parsed -> {
            if (!helpOrVersion(parsed)) {
                java.util.Optional<String> problem = dataFolderProblem(cli.paths().home());
                if (problem.isPresent()) {
                    err.println("cuecard: " + TerminalText.line(problem.get()));
                    err.flush();
                    return 1;
                }
            }
            try {
                return runLast.execute(parsed);
            } finally {
                cli.closeServices(); // the one HTTP pool of this run
            }
        });
        return cl;
    }

    /** Released when the command run by {@link #run(String...)} has returned (its cleanup included). */
    private static final java.util.concurrent.CountDownLatch COMMAND_ENDED = new java.util.concurrent.CountDownLatch(1);

    /** For shutdown hooks: waits (bounded) until the running command has finished its cleanup. */
    static void awaitCommandEnd(java.time.Duration max) {
        try {
            COMMAND_ENDED.await(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean helpOrVersion(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()
                    || p.commandSpec().userObject() instanceof CommandLine.HelpCommand) {
                return true;
            }
        }
        return false;
    }

    /**
     * A data folder that cannot be one (a file in its place): said once, before any command starts
     * and fails on it in its own words (the log, the model cache, the database).
     */
    static java.util.Optional<String> dataFolderProblem(java.nio.file.Path home) {
        for (java.nio.file.Path p = home; p != null; p = p.getParent()) {
            if (java.nio.file.Files.isDirectory(p)) {
                return java.util.Optional.empty();
            }
            if (java.nio.file.Files.exists(p)) {
                return java.util.Optional.of(p + " is a file, not a folder, so the data folder " + home + " cannot be "
                        + "created there; set CUECARD_HOME to a folder (it is created if missing), or move the file");
            }
        }
        return java.util.Optional.empty();
    }

    /** Runs the CLI on the process's streams and returns the exit code. */
    public static int run(String... args) {
        StandardOutput stdout = StandardOutput.ofProcess();
        PrintWriter out = new PrintWriter(stdout, true);
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            StartHold.beforeParsing();
            preloadSentenceModel(System.getenv(), args);
            int code = runGuarded(commandLineFor(out, err, System.in, args), err, args);
            out.flush();
            java.util.Optional<String> lost = stdout.lost();
            if (lost.isPresent()) {
                err.println("cuecard: the output could not be written (" + TerminalText.line(lost.get()) + "); if it "
                        + "went to a file, free some space on its disk or write it elsewhere, and run the command again");
                return code == 0 ? OUTPUT_LOST : code;
            }
            return code;
        } finally {
            StopHook.releaseFromStart(); // the run is over: an exit is no longer a stop while starting
            out.flush();
            err.flush();
            COMMAND_ENDED.countDown();
        }
    }

    /** Exit status when standard output could not be written (EX_IOERR, as for a session not stored). */
    static final int OUTPUT_LOST = 74;

    private static int runGuarded(CommandLine cl, PrintWriter err, String... args) {
        try {
            return cl.execute(args);
        } catch (Error e) {
            // picocli hands Errors through; still one line for the user, the trace in the log
            org.slf4j.LoggerFactory.getLogger(Cli.class).error("fatal error", e);
            err.println("cuecard: internal error: " + TerminalText.line(String.valueOf(e))
                    + " (details in the log file; please report it)");
            return 70;
        }
    }
}
