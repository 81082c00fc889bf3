package dev.cuecard.cli;

import dev.cuecard.audio.AudioDevice;
import dev.cuecard.audio.DeviceCatalog;
import dev.cuecard.pipeline.NamedThreadFactory;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the capture devices Cuecard can use, one line each (system audio marked).")
final class DevicesCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Override
    public Integer call() {
        PrintWriter out = cli.out();
        DeviceCatalog catalog = DeviceCatalog.forThisMachine(new NamedThreadFactory("audio"));
        List<AudioDevice> devices = catalog.list();
        catalog.notice().ifPresent(cli::warn);
        if (devices.isEmpty()) {
            out.println("No capture devices found. Connect a microphone (and, for the interviewer's audio, see README,");
            out.println("'Capturing the interviewer's audio').");
            return 0;
        }
        for (AudioDevice d : devices) {
            out.println(line(d));
        }
        return 0;
    }

    /**
     * A device's line, its name and description escaped: they are not ours (Java Sound's come from the
     * driver, a USB device's from the device itself). PulseAudio's JSON list carries no control
     * character (pactl reports such a description as "(null)"), Java Sound's may.
     */
    static String line(AudioDevice d) {
        return TerminalText.line(d.line());
    }
}
