package dev.cuecard.cli;

import picocli.CommandLine.Option;

/**
 * The flags several commands share, as picocli mixins ({@code @Mixin SharedFlags.Json json;}, then
 * {@code if (json.on)}): one name and one meaning everywhere. A command words the help text for
 * itself under {@code cuecard.<command path>.<key>} in {@code Options.properties} (the root command's
 * resource bundle, e.g. {@code cuecard.hint.json}); without such a key the description here is shown.
 */
final class SharedFlags {
    private SharedFlags() {
    }

    /** {@code --json}: machine-readable output. */
    static final class Json {
        @Option(names = "--json", descriptionKey = "json", description = "JSON output")
        boolean on;
    }

    /** {@code --offline}: never the network, whatever is configured. */
    static final class Offline {
        @Option(names = "--offline", descriptionKey = "offline",
                description = "template hints only, never the network (the default until an LLM is configured)")
        boolean on;
    }

    /** {@code --no-save}: do not store the session. */
    static final class NoSave {
        @Option(names = "--no-save", descriptionKey = "no-save",
                description = "do not store the session (by default it is, and its id is printed on stderr)")
        boolean on;
    }
}
