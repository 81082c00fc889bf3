package dev.cuecard.cli;

import dev.cuecard.audio.CaptureDevice;
import dev.cuecard.audio.CaptureDevices;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the capture devices Cuecard can use, with their formats.")
final class DevicesCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Override
    public Integer call() {
        PrintWriter out = cli.out();
        List<CaptureDevice> devices = CaptureDevices.list();
        if (devices.isEmpty()) {
            out.println("No capture devices found. Connect a microphone (and, for the interviewer's audio,");
            out.println("enable a loopback/monitor device: see README, 'Capturing the interviewer's audio').");
            return 0;
        }
        for (CaptureDevice d : devices) {
            out.println(d.name() + (d.looksLikeLoopback() ? "   [system audio / loopback: use for 'them']" : ""));
            if (!d.description().isBlank()) {
                out.println("    " + d.description());
            }
            for (String f : d.formats()) {
                out.println("    " + f);
            }
        }
        return 0;
    }
}
