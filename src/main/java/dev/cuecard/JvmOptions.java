package dev.cuecard;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import dev.cuecard.config.AppPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM settings Cuecard runs with (issue 14, "memory flat and small over hours"). A default JVM
 * on a big machine lets G1 grow the heap to hundreds of MB for a live set of ~50 MB, and glibc
 * keeps up to 8 malloc arenas per core for the native speech recogniser threads. The installed
 * app's launcher passes {@link #OPTIONS} (installer/build.xml); {@code java -jar cuecard.jar}
 * cannot carry JVM options, so on Linux and macOS it replaces itself once, at start, with the same
 * command plus these options ({@code execv}: same process id, same terminal, nothing left behind).
 * Set {@code CUECARD_JVM_TUNING=off}, or give any heap option yourself, to run the JVM as started.
 */
final class JvmOptions {
    /** Marks a JVM that already runs with our options (also set by the installed launcher). */
    static final String TUNED_PROPERTY = "cuecard.jvm.tuned";
    /**
     * The options; keep installer/build.xml's java-options the same (a test checks). The heap is
     * small and shrinks after collections (a default JVM let G1 commit 0.5–1.1 GB for a ~40–85 MB
     * live set); it starts at 48 MB, below what a session settles at. G1 with a 20 ms pause goal,
     * not the serial collector: with a live set of ~85 MB (a practice round) the serial collector's
     * full collections stopped every thread for ~30–100 ms — at start-up as the heap grew, and in
     * practice — which froze the window's frames (issue 12); G1 did the same work in pauses under
     * 20 ms at the same memory (4-minute soak: RSS mean 502 MB against 504 MB, BENCHMARKS.md).
     * The native heap is trimmed every 5 s: replaced recognizers free their graph caches, and glibc
     * keeps freed memory until trimmed (measured: ~50 MB less on average than every 30 s).
     * The JIT's first tier only (issue 12, start-up): the optimising compiler spent ~1.5 s of the
     * ~6 s of CPU a desktop start used before listening, on 2 cores, for code that is not where a
     * session's time goes (the recogniser and the sentence model are native) — a 4-minute replay
     * used less CPU without it, and classifying a partial stays below a millisecond (BENCHMARKS.md).
     */
    static final List<String> OPTIONS = List.of("-Xmx192m", "-Xms48m",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
            "-XX:TieredStopAtLevel=1",
            "-XX:+IgnoreUnrecognizedVMOptions", "-XX:TrimNativeHeapInterval=5000", "-D" + TUNED_PROPERTY + "=true");
    /**
     * What a one-line command ({@code classify}, {@code hint}, {@code debrief}…) runs with (issue 12,
     * start-up): it ends in a second or two, so memory does not matter, but on 2 cores the optimising
     * compiler competes with loading the models for code that runs once, and its classes are read
     * and verified from the jar at every run. With the JIT's first tier only, the serial collector
     * and a class archive, a one-line {@code classify} took 1.05 s instead of 1.8 s here
     * (BENCHMARKS.md, "Start-up, fifteenth session").
     */
    static final List<String> COMMAND_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:+IgnoreUnrecognizedVMOptions", "-D" + TUNED_PROPERTY + "=command");
    private static final String DUMP_OPTION = "-XX:ArchiveClassesAtExit=";
    /** Two malloc arenas: the recogniser threads share them instead of each growing its own. */
    static final String MALLOC_ARENAS = "2";

    private JvmOptions() {
    }

    interface CLib extends Library {
        int execve(String path, String[] argv, String[] envp);

        int mallopt(int param, int value);
    }

    /**
     * When started as {@code java -jar cuecard.jar} without our options, replaces this process with
     * the same command plus them and never returns; otherwise returns at once. Not when {@code stopped}
     * (Ctrl+C came while starting and was answered): this JVM is ending.
     */
    static void applyOrReexec(String[] args, java.util.function.BooleanSupplier stopped) {
        if (!longRunning(args)) {
            // loading JNA to replace the process would cost ~0.1 s of a one-line command: it runs in a child
            Optional<List<String>> child = commandCommand(args, System.getenv(), commandLineJvmArguments());
            if (child.isPresent()) {
                runAndExit(child.get());
            }
            return;
        }
        Optional<List<String>> jvmArgs = commandLineJvmArguments();
        Optional<List<String>> command = System.getProperty(TUNED_PROPERTY) != null || jvmArgs.isEmpty()
                ? Optional.empty() : reexecCommand(args, System.getenv(), jvmArgs.get());
        if (command.isEmpty()) {
            limitMallocArenas();
            return;
        }
        try {
            Map<String, String> env = new TreeMap<>(System.getenv());
            env.putIfAbsent("MALLOC_ARENA_MAX", MALLOC_ARENAS);
            String[] envp = new String[env.size()];
            int i = 0;
            for (Map.Entry<String, String> e : env.entrySet()) {
                envp[i++] = e.getKey() + "=" + e.getValue();
            }
            CLib c = Native.load("c", CLib.class);
            if (stopped.getAsBoolean()) {
                return; // Ctrl+C came and was answered: the restarted JVM would run the command all the same
            }
            // nothing has been printed yet: the streams have nothing to flush before the process image goes
            c.execve(command.get().get(0), command.get().toArray(new String[0]), envp);
            log().warn("could not restart with the memory options (execve returned); running with the JVM's defaults");
        } catch (RuntimeException | LinkageError e) {
            log().warn("could not restart with the memory options ({}); running with the JVM's defaults", e.toString());
        }
        limitMallocArenas();
    }

    /**
     * The command to restart with, or empty when this JVM should just run: already tuned, tuning
     * turned off, heap options given by the user, not started from a jar, or not Linux/macOS.
     */
    static Optional<List<String>> reexecCommand(String[] args, Map<String, String> env, List<String> jvmArgs) {
        if (!longRunning(args)) {
            return Optional.empty();
        }
        return command(args, env, jvmArgs, OPTIONS);
    }

    /**
     * The command a one-line command runs in (a child JVM with {@link #COMMAND_OPTIONS}), or empty
     * when it should run here: help and version (done sooner than a second JVM starts), already a
     * child, tuning turned off, options of the user's own, not started from a jar.
     */
    static Optional<List<String>> commandCommand(String[] args, Map<String, String> env, Optional<List<String>> jvmArgs) {
        if (longRunning(args) || jvmArgs.isEmpty() || asksHelpOrVersion(args)) {
            return Optional.empty();
        }
        return command(args, env, jvmArgs.get(), COMMAND_OPTIONS);
    }

    private static Optional<List<String>> command(String[] args, Map<String, String> env, List<String> jvmArgs,
                                                  List<String> options) {
        if (System.getProperty(TUNED_PROPERTY) != null || "off".equalsIgnoreCase(env.get("CUECARD_JVM_TUNING"))) {
            return Optional.empty();
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!(os.startsWith("linux") || os.startsWith("mac"))) { // not JNA's Platform: a one-line command loads no JNA
            return Optional.empty();
        }
        if (userChoseOptions(jvmArgs, env)) {
            return Optional.empty(); // the user (or a profiler) chose: do not second-guess
        }
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")
                || !Files.isRegularFile(Path.of(classPath))) {
            return Optional.empty(); // tests and IDEs run from classes folders
        }
        Optional<String> java = ProcessHandle.current().info().command();
        if (java.isEmpty() || !Files.isExecutable(Path.of(java.get()))) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.get());
        cmd.addAll(jvmArgs);
        cmd.addAll(options);
        if (!choosesClassSharing(jvmArgs)) {
            // start-up (issue 12): map the classes an earlier run loaded, or record them at this run's end
            cmd.addAll(ClassDataArchive.of(AppPaths.from(env).cacheDir(), List.of(args), classPath,
                    System.getProperty("java.home")).options(List.of(args), ProcessHandle.current().pid(),
                    ClassDataArchive.LIVE_PROCESS));
        }
        cmd.add("-jar");
        cmd.add(classPath);
        cmd.addAll(List.of(args));
        return Optional.of(cmd);
    }

    /**
     * Whether heap, GC, JIT, agent or debug options were given — on the command line or in the
     * variables the JVM reads options from — so the JVM should run as the user started it.
     */
    static boolean userChoseOptions(List<String> jvmArgs, Map<String, String> env) {
        List<String> given = new ArrayList<>(jvmArgs);
        for (String variable : new String[] {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"}) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                given.addAll(List.of(value.trim().split("\\s+")));
            }
        }
        for (String a : given) {
            String lower = a.toLowerCase(Locale.ROOT);
            if (lower.startsWith("-xmx") || lower.startsWith("-xx:maxheapsize") || lower.startsWith("-xx:maxram")
                    || lower.startsWith("-xx:+use") && lower.endsWith("gc") || lower.startsWith("-agentlib")
                    || lower.startsWith("-javaagent") || lower.startsWith("-xx:nativememorytracking")
                    || lower.startsWith("-xx:tieredstopatlevel") || lower.startsWith("-xdebug")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The desktop app and the commands that run a session hold the speech and sentence models for
     * minutes to hours: they restart with the options. A one-line command ({@code classify},
     * {@code hint}, {@code debrief}…) ends long before memory matters, and the restart would cost it
     * ~0.2–0.3 s of its ~1.2 s (measured with scripts/startup-bench.sh).
     */
    static boolean longRunning(String[] args) {
        if (args.length == 0) {
            return true;
        }
        String first = args[0];
        if (first.startsWith("-")) { // the desktop app's own options; help and version end at once
            return !asksHelpOrVersion(args);
        }
        return LONG_RUNNING_COMMANDS.contains(first);
    }

    /** Whether this JVM runs with the options already (restarted, or started by the installed launcher). */
    static boolean tuned() {
        return System.getProperty(TUNED_PROPERTY) != null;
    }

    /** Whether the arguments open the desktop app: no command, and not asking for help or the version. */
    static boolean opensDesktop(String[] args) {
        return args.length == 0 || args[0].startsWith("-") && !asksHelpOrVersion(args);
    }

    /**
     * The JVM's own arguments as given on the command line: what comes before {@code -jar} (read
     * from the process's command line — the management beans would cost ~40 ms to start). Empty
     * when not started with {@code -jar} or the command line cannot be read.
     */
    private static Optional<List<String>> commandLineJvmArguments() {
        // loops, not streams, on this path: the first lambda of a JVM costs it ~20 ms (bootstrap)
        Optional<String[]> all = ProcessHandle.current().info().arguments();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        List<String> args = List.of(all.get());
        int jar = args.indexOf("-jar");
        return jar < 0 ? Optional.empty() : Optional.of(args.subList(0, jar));
    }

    private static boolean asksHelpOrVersion(String[] args) {
        for (String a : args) {
            if (a.equals("--version") || a.equals("-V") || a.equals("--help") || a.equals("-h") || a.equals("help")) {
                return true;
            }
        }
        return false;
    }

    private static boolean choosesClassSharing(List<String> jvmArgs) {
        for (String a : jvmArgs) {
            if (a.startsWith("-XX:SharedArchiveFile") || a.startsWith("-Xshare") || a.startsWith("-XX:ArchiveClassesAtExit")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code command} with this process's terminal and exits with its status. This JVM only
     * waits; a signal that ends it (a script's timeout) ends the child too.
     */
    private static void runAndExit(List<String> command) {
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (java.io.IOException | RuntimeException e) {
            return; // runs here instead, as started: slower, nothing else
        }
        // a class, not a lambda: see commandLineJvmArguments
        Runtime.getRuntime().addShutdownHook(dev.cuecard.pipeline.NamedThreadFactory.thread("command-child-stop",
                new StopChild(child)));
        int status;
        try {
            status = child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 130;
        }
        if (status != 0) {
            // a failed run (a usage error) loaded few classes: its archive would serve every later run poorly
            for (String o : command) {
                if (o.startsWith(DUMP_OPTION)) {
                    try {
                        Files.deleteIfExists(Path.of(o.substring(DUMP_OPTION.length())));
                    } catch (java.io.IOException | RuntimeException ignored) {
                        // the next run adopts it: a slower start at worst
                    }
                }
            }
        }
        System.exit(status);
    }

    /** At this JVM's exit (a signal), ends the child running the command, giving it 5 s to finish. */
    private record StopChild(Process child) implements Runnable {
        @Override
        public void run() {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    static final java.util.Set<String> LONG_RUNNING_COMMANDS = java.util.Set.of("listen", "replay", "transcribe");

    /** Only on the rare failure paths: creating the first logger starts logback (~100 ms). */
    private static Logger log() {
        return LoggerFactory.getLogger(JvmOptions.class);
    }


    /** glibc only: at most two malloc arenas from now on (the installed launcher cannot set MALLOC_ARENA_MAX). */
    private static void limitMallocArenas() {
        if (!Platform.isLinux() || System.getenv("MALLOC_ARENA_MAX") != null) {
            return;
        }
        try {
            int mArenaMax = -8;
            Native.load("c", CLib.class).mallopt(mArenaMax, Integer.parseInt(MALLOC_ARENAS));
        } catch (RuntimeException | LinkageError e) {
            log().debug("mallopt unavailable: {}", e.toString());
        }
    }
}
