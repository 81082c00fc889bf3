package dev.cuecard.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
            return new Loaded(s == null ? Settings.defaults() : s, Optional.empty());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " line " + at.getLineNr();
            return new Loaded(Settings.defaults(), Optional.of("settings file " + file + where
                    + " is not valid YAML (" + e.getOriginalMessage() + "); using defaults, file left as it is"));
        } catch (IOException e) {
            return new Loaded(Settings.defaults(), Optional.of("cannot read settings file " + file + ": "
                    + e.getMessage() + "; using defaults"));
        }
    }

    public static void save(AppPaths paths, Settings settings) throws IOException {
        Files.createDirectories(paths.home());
        Path tmp = paths.settingsFile().resolveSibling("settings.yaml.tmp");
        YAML.writeValue(tmp.toFile(), settings);
        Files.move(tmp, paths.settingsFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
