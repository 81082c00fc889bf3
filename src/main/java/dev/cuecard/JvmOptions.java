package dev.cuecard;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import dev.cuecard.config.AppPaths;
import java.lang.management.ManagementFactory;
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
     * The options; keep installer/build.xml's java-options the same (a test checks). The live heap
     * is ~40 MB: with only a maximum the serial collector still grew to it (196 MB committed, all of
     * it touched) — a small young generation and shrinking after a full GC keep ~70 MB committed.
     * It starts at 48 MB, below what a session settles at (53–64 MB committed): from 24 MB, loading
     * the models at start-up grew it through ~18 collections, four of them full (~0.7 s of pauses).
     * The native heap is trimmed every 5 s: replaced recognizers free their graph caches, and glibc
     * keeps freed memory until trimmed (measured: ~50 MB less on average than every 30 s).
     * The JIT's first tier only (issue 12, start-up): the optimising compiler spent ~1.5 s of the
     * ~6 s of CPU a desktop start used before listening, on 2 cores, for code that is not where a
     * session's time goes (the recogniser and the sentence model are native) — a 4-minute replay
     * used less CPU without it, and classifying a partial stays below a millisecond (BENCHMARKS.md).
     */
    static final List<String> OPTIONS = List.of("-Xmx192m", "-Xms48m", "-XX:MaxNewSize=24m",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:+IgnoreUnrecognizedVMOptions", "-XX:TrimNativeHeapInterval=5000", "-D" + TUNED_PROPERTY + "=true");
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
     * the same command plus them and never returns; otherwise returns at once.
     */
    static void applyOrReexec(String[] args) {
        if (!longRunning(args)) {
            return; // ends before memory matters; loading JNA and the JVM's management beans costs ~0.1–0.2 s
        }
        Optional<List<String>> command = System.getProperty(TUNED_PROPERTY) != null ? Optional.empty()
                : reexecCommand(args, System.getenv(), inputArguments());
        if (command.isEmpty()) {
            limitMallocArenas();
            return;
        }
        try {
            Map<String, String> env = new TreeMap<>(System.getenv());
            env.putIfAbsent("MALLOC_ARENA_MAX", MALLOC_ARENAS);
            String[] envp = env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
            CLib c = Native.load("c", CLib.class);
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
        if (System.getProperty(TUNED_PROPERTY) != null || "off".equalsIgnoreCase(env.get("CUECARD_JVM_TUNING"))) {
            return Optional.empty();
        }
        if (!(Platform.isLinux() || Platform.isMac()) || !longRunning(args)) {
            return Optional.empty();
        }
        for (String a : jvmArgs) {
            String lower = a.toLowerCase(Locale.ROOT);
            if (lower.startsWith("-xmx") || lower.startsWith("-xx:maxheapsize") || lower.startsWith("-xx:maxram")
                    || lower.startsWith("-xx:+use") && lower.endsWith("gc") || lower.startsWith("-agentlib")
                    || lower.startsWith("-javaagent") || lower.startsWith("-xx:nativememorytracking")) {
                return Optional.empty(); // the user (or a profiler) chose: do not second-guess
            }
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
        cmd.addAll(OPTIONS);
        if (jvmArgs.stream().noneMatch(a -> a.startsWith("-XX:SharedArchiveFile") || a.startsWith("-Xshare")
                || a.startsWith("-XX:ArchiveClassesAtExit"))) {
            // start-up (issue 12): map the classes an earlier run loaded, or record them at this run's end
            cmd.addAll(ClassDataArchive.of(AppPaths.from(env).cacheDir(), List.of(args), classPath,
                    System.getProperty("java.home")).options(List.of(args), ProcessHandle.current().pid(),
                    pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
        }
        cmd.add("-jar");
        cmd.add(classPath);
        cmd.addAll(List.of(args));
        return Optional.of(cmd);
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
            return List.of(args).stream().noneMatch(a -> a.equals("--version") || a.equals("-V")
                    || a.equals("--help") || a.equals("-h"));
        }
        return LONG_RUNNING_COMMANDS.contains(first);
    }

    static final java.util.Set<String> LONG_RUNNING_COMMANDS = java.util.Set.of("listen", "replay", "transcribe");

    /** Only on the rare failure paths: creating the first logger starts logback (~100 ms). */
    private static Logger log() {
        return LoggerFactory.getLogger(JvmOptions.class);
    }

    private static List<String> inputArguments() {
        try {
            return ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
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
