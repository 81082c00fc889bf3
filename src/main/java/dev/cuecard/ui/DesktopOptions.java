package dev.cuecard.ui;

import java.util.Map;
import java.util.Optional;

/**
 * How the desktop app was started.
 *
 * @param demo            replay the bundled mock interview through the whole pipeline
 * @param exitAfterSeconds quit by itself (smoke tests, screenshots); 0 = never
 * @param env             the environment (CUECARD_HOME, LLM variables)
 * @param fxBench         run the scripted tour of {@link FxBench} measuring FX frame gaps per phase, then quit
 */
public record DesktopOptions(boolean demo, int exitAfterSeconds, Map<String, String> env, boolean fxBench) {
    public DesktopOptions(boolean demo, int exitAfterSeconds, Map<String, String> env) {
        this(demo, exitAfterSeconds, env, false);
    }

    public Optional<Integer> exitAfter() {
        return exitAfterSeconds > 0 ? Optional.of(exitAfterSeconds) : Optional.empty();
    }
}
