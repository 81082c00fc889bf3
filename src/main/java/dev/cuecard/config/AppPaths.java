package dev.cuecard.config;

import dev.dirs.ProjectDirectories;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the user's data lives: {@code CUECARD_HOME} when set, else the OS's usual per-user data
 * folder (XDG on Linux, AppData on Windows, Application Support on macOS) via directories-jvm.
 */
public final class AppPaths {
    public static final String HOME_ENV = "CUECARD_HOME";
    /** The same as a system property, which wins (tests and embedding run in one JVM). */
    public static final String HOME_PROPERTY = "cuecard.home";

    private final Path home;

    private AppPaths(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    public static AppPaths fromEnvironment() {
        return from(System.getenv());
    }

    /**
     * From an environment (the process's, or one a test injects): its {@code CUECARD_HOME}, else the
     * {@code cuecard.home} property (which keeps test runs out of the user's folder), else the OS's.
     */
    public static AppPaths from(Map<String, String> env) {
        String override = env.get(HOME_ENV);
        if (override != null && !override.isBlank()) {
            return new AppPaths(Path.of(override));
        }
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            return new AppPaths(Path.of(property));
        }
        return new AppPaths(Path.of(ProjectDirectories.from("dev", "Cuecard", "Cuecard").dataDir));
    }

    public static AppPaths at(Path home) {
        return new AppPaths(home);
    }

    public Path home() {
        return home;
    }

    public Path settingsFile() {
        return home.resolve("settings.yaml");
    }

    /** The user's own templates: YAML files here add to or replace the shipped ones. */
    public Path templatesDir() {
        return home.resolve("templates");
    }

    /** The user's own material for drafted hints: résumé, job description, story bank. */
    public Path contextDir() {
        return home.resolve("context");
    }

    /** The SQLite database of stored sessions. */
    public Path databaseFile() {
        return home.resolve("cuecard.db");
    }

    /** Files the app can make again: unpacked native libraries of the embedding model. */
    public Path cacheDir() {
        return home.resolve("cache");
    }

    public Path logsDir() {
        return home.resolve("logs");
    }
}
