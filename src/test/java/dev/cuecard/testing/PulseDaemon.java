package dev.cuecard.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real, private PulseAudio server for the live-capture tests: its own runtime directory and
 * socket (never the user's or another build's server), no default modules, null sinks as outputs.
 * Started as a child of the test JVM (not daemonized) and stopped and reaped by {@link #close()}.
 * CI installs pulseaudio and pulseaudio-utils (.ci/run); on a developer machine without them the
 * tests that need it are skipped with {@link #unavailableReason()}.
 */
public final class PulseDaemon implements AutoCloseable {
    private static final List<String> PROGRAMS = List.of("pulseaudio", "pactl", "parec", "paplay");

    private final Process process;
    private final Path dir;
    private final String server;

    private PulseDaemon(Process process, Path dir, String server) {
        this.process = process;
        this.dir = dir;
        this.server = server;
    }

    /** Why the daemon cannot run here (a program missing), or empty. */
    public static Optional<String> unavailableReason() {
        for (String p : PROGRAMS) {
            if (!onPath(p)) {
                return Optional.of(p + " is not installed (apt-get install pulseaudio pulseaudio-utils; CI does it)");
            }
        }
        return Optional.empty();
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    /** Starts a server whose files live under {@code dir}; returns once it answers. */
    public static PulseDaemon start(Path dir) throws IOException, InterruptedException {
        Path runtime = Files.createDirectories(dir.resolve("run"));
        Path socket = runtime.resolve("native");
        Path log = dir.resolve("pulseaudio.log");
        ProcessBuilder pb = new ProcessBuilder("pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "-n",
                "--use-pid-file=no", "--system=no", "--disallow-module-loading=no",
                "--load=module-native-protocol-unix socket=" + socket + " auth-anonymous=1")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        env.put("PULSE_RUNTIME_PATH", runtime.toString());
        env.put("PULSE_STATE_PATH", Files.createDirectories(dir.resolve("state")).toString());
        env.put("HOME", dir.toString());
        env.remove("PULSE_SERVER");
        Process p = pb.start();
        PulseDaemon d = new PulseDaemon(p, dir, "unix:" + socket);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            if (!p.isAlive()) {
                throw new IOException("pulseaudio exited: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            if (Files.exists(socket) && d.run("pactl", "info").exit() == 0) {
                return d;
            }
            if (System.nanoTime() > deadline) {
                d.close();
                throw new IOException("pulseaudio did not answer within 20 s: " + Files.readString(log));
            }
            Thread.sleep(50); // test set-up only: the server's socket appears within a few hundred ms
        }
    }

    /** For PULSE_SERVER / the {@code cuecard.pulse.server} property. */
    public String server() {
        return server;
    }

    /** The environment a client of this server needs. */
    public Map<String, String> env() {
        return Map.of("PULSE_SERVER", server, "LC_ALL", "C");
    }

    public record Result(int exit, String out) {
    }

    /** Runs a client program (pactl, paplay) against this server and waits for it. */
    public Result run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            throw new IOException(String.join(" ", command) + " did not end");
        }
        return new Result(p.exitValue(), out);
    }

    /** Adds an output (a null sink) with a description; returns its module index (for unloading it). */
    public int addSink(String name, String description) throws IOException, InterruptedException {
        Result r = run("pactl", "load-module", "module-null-sink", "sink_name=" + name,
                "sink_properties=device.description=" + description);
        if (r.exit() != 0) {
            throw new IOException("could not add sink " + name + ": " + r.out());
        }
        return Integer.parseInt(r.out().strip());
    }

    /**
     * Adds an input that is not a monitor — a "microphone" — fed by what is played into {@code sink};
     * returns its module index.
     */
    public int addMicrophone(String name, String sink, String description) throws IOException, InterruptedException {
        Result r = run("pactl", "load-module", "module-remap-source", "master=" + sink + ".monitor",
                "source_name=" + name, "source_properties=device.description=" + description);
        if (r.exit() != 0) {
            throw new IOException("could not add microphone " + name + ": " + r.out());
        }
        return Integer.parseInt(r.out().strip());
    }

    /** Removes a module: for a sink, its output and monitor vanish as when a headset is unplugged. */
    public void unload(int module) throws IOException, InterruptedException {
        Result r = run("pactl", "unload-module", String.valueOf(module));
        if (r.exit() != 0) {
            throw new IOException("could not unload module " + module + ": " + r.out());
        }
    }

    public void setDefaultSink(String name) throws IOException, InterruptedException {
        run("pactl", "set-default-sink", name);
    }

    /** Recording streams of clients connected now (our parec's; not a module's own), one line each. */
    public List<String> captureStreams() throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        for (String line : run("pactl", "list", "short", "source-outputs").out().split("\n")) {
            if (!line.isBlank() && line.contains("protocol-native")) {
                out.add(line);
            }
        }
        return out;
    }

    /** Plays a WAV into a sink in the background; the caller waits for (and so reaps) it. */
    public Process play(String sink, Path wav) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("paplay", "-d", sink, wav.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env());
        return pb.start();
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
