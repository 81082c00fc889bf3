package dev.cuecard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The shared --json/--offline/--no-save flags keep each command's own help text. */
class SharedFlagsTest {
    private final CommandLine cli = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

    private static String description(CommandLine command, String option) {
        OptionSpec o = command.getCommandSpec().findOption(option);
        assertThat(o).as(command.getCommandSpec().qualifiedName() + " " + option).isNotNull();
        return String.join(" ", o.description());
    }

    private CommandLine command(String path) {
        CommandLine c = cli;
        for (String name : path.split("\\.")) {
            c = c.getSubcommands().get(name);
            assertThat(c).as(path).isNotNull();
        }
        return c;
    }

    @Test
    void eachCommandShowsItsOwnWording() {
        assertThat(description(command("hint"), "--json")).isEqualTo("one JSON object per question");
        assertThat(description(command("hint"), "--offline"))
                .isEqualTo("template hints only, never the network (the default until an LLM is configured)");
        assertThat(description(command("practice.score"), "--offline")).isEqualTo("the offline rubric only, never the network");
        assertThat(description(command("debrief.list"), "--json")).isEqualTo("one JSON line per session");
        assertThat(description(command("classify"), "--json"))
                .isEqualTo("JSON lines {\"text\",\"isQuestion\",\"category\",\"template\",\"confidence\"}");
    }

    @Test
    void everyWordingNamesACommandThatHasTheFlag() {
        ResourceBundle bundle = ResourceBundle.getBundle("dev.cuecard.cli.Options");
        assertThat(bundle.keySet()).isNotEmpty();
        for (String key : bundle.keySet()) {
            assertThat(key).startsWith("cuecard.");
            String path = key.substring("cuecard.".length(), key.lastIndexOf('.'));
            String option = "--" + key.substring(key.lastIndexOf('.') + 1);
            assertThat(description(command(path), option)).as(key).isEqualTo(bundle.getString(key));
        }
    }

    @Test
    void noCommandFallsBackToTheGenericJsonText() {
        List<String> generic = new ArrayList<>();
        collect(cli, generic);
        assertThat(generic).isEmpty();
    }

    private static void collect(CommandLine c, List<String> generic) {
        OptionSpec json = c.getCommandSpec().findOption("--json");
        if (json != null && String.join(" ", json.description()).equals("JSON output")) {
            generic.add(c.getCommandSpec().qualifiedName());
        }
        c.getSubcommands().values().forEach(s -> collect(s, generic));
    }

    @Test
    void theFlagsStillParse() {
        CommandLine.ParseResult r = cli.parseArgs("hint", "--json", "--offline", "what is a mutex");
        SharedFlags.Json json = ((HintCommand) r.subcommand().commandSpec().userObject()).json;
        assertThat(json.on).isTrue();
        assertThat(((HintCommand) r.subcommand().commandSpec().userObject()).offline.on).isTrue();
    }
}
