package dev.cuecard.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The user's settings file ({@code settings.yaml} in the data folder). Every field is optional;
 * an absent field means the offline default.
 *
 * @param modelDir   a Vosk model folder to use instead of the bundled English one
 * @param themDevice capture device name (or part of it) for the interviewer's audio
 * @param meDevice   capture device name (or part of it) for the candidate's microphone
 * @param ui         the desktop app's look, hotkeys and first-run state
 * @param llm        the optional LLM endpoint for drafted hints
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Settings(String modelDir, String themDevice, String meDevice, UiSettings ui, LlmSettings llm) {

    public static Settings defaults() {
        return new Settings(null, null, null, null, null);
    }

    public UiSettings uiOrDefaults() {
        return ui == null ? UiSettings.defaults() : ui;
    }

    /** The LLM section, empty fields when the file has none. */
    public LlmSettings llmSettings() {
        return llm == null ? LlmSettings.none() : llm;
    }

    public Settings withUi(UiSettings newUi) {
        return new Settings(modelDir, themDevice, meDevice, newUi, llm);
    }

    public Settings withDevices(String them, String me) {
        return new Settings(modelDir, them, me, ui, llm);
    }

    public Optional<Path> modelPath() {
        return Optional.ofNullable(modelDir).filter(s -> !s.isBlank()).map(Path::of);
    }

    public Optional<String> themDeviceName() {
        return Optional.ofNullable(themDevice).filter(s -> !s.isBlank());
    }

    public Optional<String> meDeviceName() {
        return Optional.ofNullable(meDevice).filter(s -> !s.isBlank());
    }
}
