package dev.cuecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.Channel;
import dev.cuecard.pipeline.PipelineEvent;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QA (polish 5): the text lines of {@code replay} (and {@code listen}, which prints the same lines)
 * printed card titles, hints, key points, follow-ups and LLM drafts as they were, so a template in
 * the user's templates folder (or an LLM reply) with a terminal escape could retitle the window,
 * clear the screen or fake a line of ours. They are now shown escaped, as {@code debrief show}
 * shows stored text; the JSON lines were already safe from C0 controls (JSON escapes them). An LLM's
 * draft was safe before too: its reader turns control characters into spaces (HintJsonReader).
 */
class SessionTextEscapedTest {
    /**
     * The shipped rate-limiter card replaced by one of the user's own with escape sequences (YAML
     * double-quoted escapes: {@code \e} is ESC, {@code \x07} is BEL) in every field a line shows.
     */
    private static final String TEMPLATE = """
            category: system_design
            templates:
              - id: rate-limiter
                title: "Rate limiter\\e]0;pwned\\x07"
                triggers:
                  - design a rate limiter
                  - how would you rate limit a public api used by millions of clients
                  - how would you throttle requests per user across many servers
                  - which algorithm would you use to limit requests per second
                keywords: [rate limiter, token bucket]
                hint:
                  gist: "Token bucket per key\\e[2J\\rthem   0.0s  >> forged"
                  keyPoints:
                    - "A token bucket per client \\e[31m"
                  followUps:
                    - "How would you limit by cost\\e[8m instead of request count?"
            """;

    @TempDir
    Path home;

    @Test
    void aUserTemplateWithTerminalEscapesIsPrintedEscapedInTheReplayLines() throws Exception {
        Files.createDirectories(home.resolve("templates"));
        Files.writeString(home.resolve("templates/injected.yaml"), TEMPLATE);
        Path demo = Path.of(getClass().getResource("/dev/cuecard/demo/demo-them.wav").toURI()).getParent();
        String them = demo.resolve("demo-them.wav").toString();
        String me = demo.resolve("demo-me.wav").toString();

        Run text = run(env(), "replay", "--speed", "max", "--offline", "--no-save", them, "--me", me);

        assertThat(text.exit()).as(text.err()).isZero();
        assertNoControlCharacters(text.out());
        assertThat(text.out()).contains(">> Rate limiter\\e]0;pwned\\x07 [system_design] Token bucket per key"
                + "\\e[2J\\rthem   0.0s  >> forged");
        assertThat(text.out()).contains("✓ A token bucket per client \\e[31m");
        assertThat(text.out()).contains("be ready for: How would you limit by cost\\e[8m instead of request count?");
    }

    /**
     * {@code listen}'s own lines name devices, and a device's name is not ours (a Bluetooth headset
     * names itself): a lost or switched device is shown escaped too.
     */
    @Test
    void aDeviceNameWithTerminalEscapesIsPrintedEscapedInTheListenLines() {
        String name = "Headset\u001b]0;pwned\u0007 (bluez)";
        assertThat(ListenCommand.text(new PipelineEvent.ChannelStatus(Channel.ME, PipelineEvent.ChannelStatus.State.LOST,
                name + " disconnected", 1_000))).isEqualTo("me device lost: Headset\\e]0;pwned\\x07 (bluez) disconnected");
        assertThat(ListenCommand.text(new PipelineEvent.ChannelStatus(Channel.ME,
                PipelineEvent.ChannelStatus.State.SWITCHED, "now on " + name, 2_000)))
                .isEqualTo("me: now on Headset\\e]0;pwned\\x07 (bluez)");
    }

    /** cuecard devices: the same for a device's name and description (a USB device names itself). */
    @Test
    void aDeviceWithTerminalEscapesIsListedEscaped() {
        String line = DevicesCommand.line(new dev.cuecard.audio.AudioDevice("USB Audio\u009b2J [plughw:1,0]",
                "Headset\u001b]0;pwned\u0007", dev.cuecard.audio.AudioDevice.Backend.JAVA_SOUND, false, false));
        assertThat(line).startsWith("USB Audio\\x9b2J [plughw:1,0]").contains("Headset\\e]0;pwned\\x07  [Java Sound]");
    }

    /** Nothing a terminal acts on but the line feeds that end our own lines. */
    private static void assertNoControlCharacters(String out) {
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            assertThat(c != '\n' && TerminalText.replacement(c) != null)
                    .as("control character U+%04X at %d in:%n%s", (int) c, i, out).isFalse();
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("CUECARD_HOME", home.toString());
        return env;
    }

    record Run(int exit, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(new byte[0]), env).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
