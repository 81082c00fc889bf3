package dev.cuecard.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads the settings file. A broken file is reported and left untouched; defaults are used instead. */
public final class SettingsStore {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Settings plus, when the file could not be used, a message for the user. */
    public record Loaded(Settings settings, Optional<String> problem) {
    }

    private SettingsStore() {
    }

    public static Loaded load(AppPaths paths) {
        Path file = paths.settingsFile();
        if (!Files.exists(file)) {
            return new Loaded(Settings.defaults(), Optional.empty());
        }
        try {
            Settings s = YAML.readValue(file.toFile(), Settings.class);
            List<String> ignored = SettingsCheck.ignored(YAML.readTree(file.toFile()));
            return new Loaded(s == null ? Settings.defaults() : s, ignored.isEmpty() ? Optional.empty()
                    : Optional.of("settings file " + file + ": " + String.join("; ", ignored)
                    + " — fix the file; the rest of it is used"));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " line " + at.getLineNr();
            return new Loaded(Settings.defaults(), Optional.of("settings file " + file + where + ": " + problem(e)
                    + "; using the defaults until it is fixed (the file is left as it is)"));
        } catch (IOException e) {
            return new Loaded(Settings.defaults(), Optional.of("cannot read settings file " + file + ": "
                    + e.getMessage() + "; using defaults"));
        }
    }

    /** What is wrong, in one line: a setting of the wrong kind, or the YAML syntax error without its excerpt. */
    static String problem(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown setting '" + u.getPropertyName() + "'";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").reduce((a, b) -> a + "." + b).orElse("?");
            Class<?> type = m.getTargetType();
            String wanted = type == null ? "another kind of value" : type == String.class ? "text"
                    : Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class ? "a number"
                    : type == Boolean.class || type == boolean.class ? "true or false"
                    : java.util.Collection.class.isAssignableFrom(type) ? "a list" : "a section of settings";
            return "'" + field + "' must be " + wanted;
        }
        // YAML syntax errors carry a multi-line excerpt with a caret: keep the sentences only
        String m = e.getOriginalMessage() == null ? "not valid YAML" : e.getOriginalMessage();
        String sentences = m.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)) && !l.contains("^"))
                .map(String::strip).reduce((a, b) -> a + ": " + b).orElse("not valid YAML");
        return "not valid YAML (" + sentences + ")";
    }

    public static void save(AppPaths paths, Settings settings) throws IOException {
        Files.createDirectories(paths.home());
        Path tmp = paths.settingsFile().resolveSibling("settings.yaml.tmp");
        YAML.writeValue(tmp.toFile(), settings);
        Files.move(tmp, paths.settingsFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
