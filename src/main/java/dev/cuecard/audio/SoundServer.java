package dev.cuecard.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PulseAudio protocol sound server of a Linux desktop (PulseAudio itself, or PipeWire's
 * pipewire-pulse, which serves the same protocol), asked through {@code pactl} from
 * pulseaudio-utils: its sources (microphones and the monitors of outputs), its default output and
 * input. Capture goes through {@code parec} ({@link PulseSource}); why a child process rather than
 * libpulse in process is measured in BENCHMARKS.md.
 */
final class SoundServer {
    /** pactl answers in a few ms; a server that does not answer in this time is treated as absent. */
    private static final long TIMEOUT_MS = 3000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One source: a microphone or line input, or the monitor of an output ("what it plays"). */
    record Source(String name, String description, Optional<String> monitorOf) {
        boolean isMonitor() {
            return monitorOf.isPresent();
        }
    }

    /** What the server has now. */
    record State(Optional<String> defaultSink, Optional<String> defaultSource, List<Source> sources) {
        Optional<Source> source(String name) {
            return sources.stream().filter(s -> s.name().equals(name)).findFirst();
        }

        /** The monitor of the default output: what the user hears. */
        Optional<Source> systemMonitor() {
            return defaultSink.flatMap(sink -> sources.stream()
                    .filter(s -> s.monitorOf().filter(sink::equals).isPresent()).findFirst()
                    .or(() -> source(sink + ".monitor")));
        }

        /**
         * The default input; when the server's default source is a monitor (a machine with no
         * microphone), the first real input instead, so "me" never hears the call.
         */
        Optional<Source> defaultInput() {
            return defaultSource.flatMap(this::source).filter(s -> !s.isMonitor())
                    .or(() -> sources.stream().filter(s -> !s.isMonitor()).findFirst());
        }
    }

    /** The sound server cannot be used; the message is one line for the user. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    private final Map<String, String> environment;

    /** @param environment added to this process's environment for pactl and parec (e.g. PULSE_SERVER) */
    SoundServer(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("LC_ALL", "C"); // parec's messages are parsed (stream moved / errors)
        this.environment = Map.copyOf(env);
    }

    /** The environment this process gives its helpers: the caller's plus {@code cuecard.pulse.server}. */
    static Map<String, String> environmentFromSystem() {
        Map<String, String> env = new HashMap<>();
        String server = System.getProperty("cuecard.pulse.server");
        if (server != null && !server.isBlank()) {
            env.put("PULSE_SERVER", server);
        }
        return env;
    }

    Map<String, String> environment() {
        return environment;
    }

    /** Asks the server for its devices (two pactl runs, ~10 ms). */
    State query() throws Unavailable {
        String info = pactl("-f", "json", "info");
        if (!info.strip().startsWith("{")) {
            return queryText(); // a pactl older than 16 has no JSON output
        }
        try {
            JsonNode i = JSON.readTree(info);
            JsonNode list = JSON.readTree(pactl("-f", "json", "list", "sources"));
            List<Source> sources = new ArrayList<>();
            for (JsonNode s : list) {
                String name = s.path("name").asText();
                String monitorOf = s.path("monitor_source").asText("");
                boolean monitor = !monitorOf.isEmpty() && !monitorOf.equals("n/a")
                        || "monitor".equals(s.path("properties").path("device.class").asText());
                if (monitor && (monitorOf.isEmpty() || monitorOf.equals("n/a"))) {
                    monitorOf = name.endsWith(".monitor") ? name.substring(0, name.length() - 8) : name;
                }
                sources.add(new Source(name, s.path("description").asText(name),
                        monitor ? Optional.of(monitorOf) : Optional.empty()));
            }
            if (sources.stream().anyMatch(src -> src.description().equals(PACTL_JSON_NULL))) {
                sources = withTextDescriptions(sources, pactl("list", "sources"));
            }
            return new State(text(i, "default_sink_name"), text(i, "default_source_name"), List.copyOf(sources));
        } catch (IOException e) {
            throw new Unavailable("the sound server's device list could not be read (" + e.getMessage() + ")");
        }
    }

    /** What pactl's JSON writes for a description with a non-ASCII character ("Kopfhörer"): it rejects them. */
    static final String PACTL_JSON_NULL = "(null)";

    /**
     * The sources with pactl's {@code (null)} descriptions taken from its text listing instead
     * ({@code Name:} / {@code Description:} lines, in the C locale this class sets), which writes them whole.
     */
    static List<Source> withTextDescriptions(List<Source> sources, String listing) {
        Map<String, String> described = new HashMap<>();
        String name = null;
        for (String line : listing.split("\n")) {
            String l = line.strip();
            if (l.startsWith("Name: ")) {
                name = l.substring(6).strip();
            } else if (l.startsWith("Description: ") && name != null) {
                described.put(name, l.substring(13).strip());
                name = null;
            }
        }
        List<Source> out = new ArrayList<>();
        for (Source src : sources) {
            String d = src.description().equals(PACTL_JSON_NULL) ? described.getOrDefault(src.name(), src.name())
                    : src.description();
            out.add(new Source(src.name(), d, src.monitorOf()));
        }
        return out;
    }

    private static Optional<String> text(JsonNode n, String field) {
        return Optional.of(n.path(field).asText("")).filter(s -> !s.isBlank() && !s.equals("@DEFAULT_SINK@"));
    }

    /** Plain-text fallback: {@code pactl info} and {@code pactl list short sources}. */
    private State queryText() throws Unavailable {
        Optional<String> sink = Optional.empty();
        Optional<String> source = Optional.empty();
        for (String line : pactl("info").split("\n")) {
            if (line.startsWith("Default Sink: ")) {
                sink = Optional.of(line.substring(14).strip());
            } else if (line.startsWith("Default Source: ")) {
                source = Optional.of(line.substring(16).strip());
            }
        }
        List<Source> sources = new ArrayList<>();
        for (String line : pactl("list", "short", "sources").split("\n")) {
            String[] f = line.split("\t");
            if (f.length >= 2) {
                String name = f[1];
                boolean monitor = name.endsWith(".monitor");
                sources.add(new Source(name, name,
                        monitor ? Optional.of(name.substring(0, name.length() - 8)) : Optional.empty()));
            }
        }
        return new State(sink, source, List.copyOf(sources));
    }

    /** Runs pactl with a timeout; its output goes through a temp file so a hung server cannot block us. */
    private String pactl(String... args) throws Unavailable {
        List<String> command = new ArrayList<>();
        command.add("pactl");
        command.addAll(List.of(args));
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("cuecard-pactl", ".out");
            err = Files.createTempFile("cuecard-pactl", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            pb.environment().putAll(environment);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new Unavailable("pactl is not installed (Debian/Ubuntu: sudo apt install pulseaudio-utils; "
                        + "Fedora: sudo dnf install pulseaudio-utils)");
            }
            p.getOutputStream().close();
            try {
                if (!p.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    p.waitFor();
                    throw new Unavailable("the sound server did not answer within " + TIMEOUT_MS / 1000 + " s");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new Unavailable("interrupted while asking the sound server for its devices");
            }
            if (p.exitValue() != 0) {
                String why = Files.readString(err, StandardCharsets.UTF_8).strip();
                String first = why.isEmpty() ? "pactl exited with " + p.exitValue() : why.lines().findFirst().orElse(why);
                if (first.toLowerCase(Locale.ROOT).contains("connection refused")
                        || first.toLowerCase(Locale.ROOT).contains("connection failure")) {
                    throw new Unavailable("no PulseAudio/PipeWire sound server is running (" + first + ")");
                }
                if (args.length > 0 && args[0].equals("-f") && first.toLowerCase(Locale.ROOT).contains("format")) {
                    return ""; // pactl without JSON output: the caller falls back to text
                }
                throw new Unavailable("the sound server refused: " + first);
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Unavailable("could not ask the sound server for its devices: " + e.getMessage());
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temp file; the OS cleans it up
            }
        }
    }
}
