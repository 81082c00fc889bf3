package dev.cuecard.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * Every capture device the app can use, one entry each, and the one place that opens them — for
 * {@code cuecard devices}, {@code listen}, the desktop app's pickers and its sessions.
 *
 * <ul>
 *   <li>{@value #SYSTEM}: what the user hears — on Linux the monitor of the sound server's current
 *       default output (PulseAudio or PipeWire; no kernel module, no pavucontrol), on Windows the
 *       WASAPI loopback of the default output, elsewhere a loopback device such as BlackHole.</li>
 *   <li>{@value #DEFAULT}: the default input (microphone).</li>
 *   <li>every sound-server source by name (monitors marked), then every Java Sound device.</li>
 * </ul>
 * Without a sound server on Linux, {@link #notice()} says why in one line and the Java Sound
 * devices remain.
 */
public final class DeviceCatalog {
    public static final String SYSTEM = "system";
    public static final String DEFAULT = "default";

    private final Optional<SoundServer> soundServer;
    private final boolean windows;
    private final Supplier<List<CaptureDevice>> javaSound;
    private final ThreadFactory threads;
    private volatile Optional<String> notice = Optional.empty();

    DeviceCatalog(Optional<SoundServer> soundServer, boolean windows, Supplier<List<CaptureDevice>> javaSound,
                  ThreadFactory threads) {
        this.soundServer = soundServer;
        this.windows = windows;
        this.javaSound = javaSound;
        this.threads = threads;
    }

    /**
     * The devices of this machine. A sound server is looked for on Linux and the BSDs; the
     * environment variable {@code PULSE_SERVER} (or the system property {@code cuecard.pulse.server})
     * picks a server other than the user's own.
     *
     * @param threads makes the few threads capture needs (device events; the child-process shutdown hook)
     */
    public static DeviceCatalog forThisMachine(ThreadFactory threads) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean unix = os.contains("linux") || os.contains("bsd");
        return new DeviceCatalog(unix ? Optional.of(new SoundServer(SoundServer.environmentFromSystem())) : Optional.empty(),
                os.contains("win"), CaptureDevices::list, threads);
    }

    /** Every device, one entry each: the aliases first, then sound-server sources, then Java Sound devices. */
    public List<AudioDevice> list() {
        List<AudioDevice> out = new ArrayList<>();
        Optional<SoundServer.State> state = serverState();
        state.ifPresent(s -> {
            Optional<SoundServer.Source> monitor = s.systemMonitor();
            Optional<SoundServer.Source> input = s.defaultInput();
            monitor.ifPresent(m -> out.add(new AudioDevice(SYSTEM, "what you hear: the default output's monitor, now "
                    + m.name(), AudioDevice.Backend.SOUND_SERVER, true, false)));
            input.ifPresent(i -> out.add(new AudioDevice(DEFAULT, "the default input, now " + i.name(),
                    AudioDevice.Backend.SOUND_SERVER, false, false)));
            for (SoundServer.Source src : s.sources()) {
                boolean isDefault = src.isMonitor() ? monitor.filter(src::equals).isPresent()
                        : input.filter(src::equals).isPresent();
                out.add(new AudioDevice(src.name(), src.description(), AudioDevice.Backend.SOUND_SERVER, src.isMonitor(),
                        isDefault));
            }
        });
        if (windows) {
            out.add(new AudioDevice(SYSTEM, "what you hear: loopback of the default output", AudioDevice.Backend.WASAPI,
                    true, false));
        }
        List<CaptureDevice> java = javaSoundDevices();
        if (state.isEmpty()) {
            java.stream().filter(d -> !d.looksLikeLoopback()).findFirst().ifPresent(d -> out.add(new AudioDevice(DEFAULT,
                    "the first microphone, now " + d.name(), AudioDevice.Backend.JAVA_SOUND, false, false)));
        }
        for (CaptureDevice d : java) {
            out.add(new AudioDevice(d.name(), oneLine(d.description()), AudioDevice.Backend.JAVA_SOUND,
                    d.looksLikeLoopback(), false));
        }
        return out;
    }

    /** One line when the sound server is missing (after {@link #list()} or {@link #open(String)}), else empty. */
    public Optional<String> notice() {
        return notice;
    }

    /**
     * What to use for a channel when the user chose nothing: {@value #SYSTEM} (or the first loopback
     * device, e.g. BlackHole) for the interviewer, {@value #DEFAULT} for the microphone — never a
     * monitor, so a machine without a microphone gets no "me" channel rather than the call twice.
     */
    public Optional<String> defaultFor(Channel channel) {
        return defaultFor(list(), channel);
    }

    /** As {@link #defaultFor(Channel)} over a list already read. */
    public static Optional<String> defaultFor(List<AudioDevice> devices, Channel channel) {
        if (channel == Channel.THEM) {
            return devices.stream().filter(AudioDevice::systemAudio).map(AudioDevice::name).findFirst();
        }
        return devices.stream().map(AudioDevice::name).filter(DEFAULT::equals).findFirst();
    }

    /** Opens a device by the name {@link #list()} shows, an alias, or part of a name or description. */
    public AudioSource open(String name) throws AudioSourceException {
        String n = name.strip();
        if (n.equalsIgnoreCase(SYSTEM)) {
            return openSystem();
        }
        if (n.equalsIgnoreCase(DEFAULT)) {
            return openDefault();
        }
        Optional<SoundServer.State> state = serverState();
        if (state.isPresent() && state.get().source(n).isPresent()) {
            return new PulseSource(soundServer.orElseThrow(), PulseSource.Target.named(n), threads);
        }
        List<CaptureDevice> java = javaSoundDevices();
        Optional<CaptureDevice> exact = java.stream().filter(d -> d.name().equalsIgnoreCase(n)).findFirst();
        if (exact.isPresent()) {
            return new MicrophoneSource(exact.get());
        }
        String q = n.toLowerCase(Locale.ROOT);
        if (state.isPresent()) {
            Optional<SoundServer.Source> partial = state.get().sources().stream()
                    .filter(s -> s.name().toLowerCase(Locale.ROOT).contains(q)
                            || s.description().toLowerCase(Locale.ROOT).contains(q)).findFirst();
            if (partial.isPresent()) {
                return new PulseSource(soundServer.orElseThrow(), PulseSource.Target.named(partial.get().name()), threads);
            }
        }
        Optional<CaptureDevice> partial = java.stream()
                .filter(d -> d.name().toLowerCase(Locale.ROOT).contains(q)).findFirst();
        if (partial.isPresent()) {
            return new MicrophoneSource(partial.get());
        }
        throw new AudioSourceException("no capture device '" + n + "' (see 'cuecard devices')");
    }

    private AudioSource openSystem() throws AudioSourceException {
        if (serverState().isPresent()) {
            return new PulseSource(soundServer.orElseThrow(), PulseSource.Target.system(), threads);
        }
        if (windows) {
            return new WasapiLoopbackSource();
        }
        Optional<CaptureDevice> loopback = javaSoundDevices().stream().filter(CaptureDevice::looksLikeLoopback).findFirst();
        if (loopback.isPresent()) {
            return new MicrophoneSource(loopback.get());
        }
        throw new AudioSourceException("no system audio to capture: " + notice.map(s -> s + "; ").orElse("")
                + "no loopback device either (see README, 'Capturing the interviewer's audio')");
    }

    private AudioSource openDefault() throws AudioSourceException {
        Optional<SoundServer.State> state = serverState();
        if (state.isPresent()) {
            return new PulseSource(soundServer.orElseThrow(), PulseSource.Target.defaultInput(), threads);
        }
        Optional<CaptureDevice> mic = javaSoundDevices().stream().filter(d -> !d.looksLikeLoopback()).findFirst();
        if (mic.isPresent()) {
            return new MicrophoneSource(mic.get());
        }
        throw new AudioSourceException("no microphone found: connect one, or pick a device (see 'cuecard devices')");
    }

    private Optional<SoundServer.State> serverState() {
        if (soundServer.isEmpty()) {
            return Optional.empty();
        }
        try {
            SoundServer.State s = soundServer.get().query();
            notice = Optional.empty();
            return Optional.of(s);
        } catch (SoundServer.Unavailable e) {
            notice = Optional.of(e.getMessage() + "; using Java Sound devices, which cannot hear the system audio "
                    + "without a loopback device");
            return Optional.empty();
        }
    }

    private List<CaptureDevice> javaSoundDevices() {
        try {
            return javaSound.get();
        } catch (RuntimeException e) {
            return List.of(); // a broken Java Sound provider must not hide the sound server's devices
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
