package dev.cuecard.hint.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuecard.config.AppPaths;
import dev.cuecard.config.LlmSettings;
import dev.cuecard.config.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmConfigTest {
    @TempDir
    Path home;

    @Test
    void anApiKeyInTheShellAloneDoesNotTurnTheLlmOn() {
        assertThat(LlmConfig.resolve(LlmSettings.none(), Map.of("OPENAI_API_KEY", "sk-x"))).isEmpty();
    }

    @Test
    void theEnvironmentOverridesTheSettingsFile() throws Exception {
        Files.writeString(home.resolve("settings.yaml"), """
                llm:
                  baseUrl: http://localhost:11434/v1/
                  model: llama3.2
                  firstTokenTimeoutMs: 2500
                  maxRetries: 1
                  jsonSchema: false
                """);
        LlmSettings s = SettingsStore.load(AppPaths.at(home)).settings().llmSettings();
        LlmConfig fromFile = LlmConfig.resolve(s, Map.of()).orElseThrow();
        assertThat(fromFile.baseUrl().toString()).isEqualTo("http://localhost:11434/v1");
        assertThat(fromFile.model()).isEqualTo("llama3.2");
        assertThat(fromFile.firstTokenTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(fromFile.maxRetries()).isEqualTo(1);
        assertThat(fromFile.jsonSchema()).isFalse();
        assertThat(fromFile.apiKey()).isEmpty();
        assertThat(fromFile.offMachine()).isFalse();

        LlmConfig env = LlmConfig.resolve(s, Map.of("CUECARD_LLM_BASE_URL", "https://api.openai.com/v1",
                "CUECARD_LLM_MODEL", "gpt-4o-mini", "OPENAI_API_KEY", "sk-fallback")).orElseThrow();
        assertThat(env.destination()).isEqualTo("api.openai.com");
        assertThat(env.offMachine()).isTrue();
        assertThat(env.model()).isEqualTo("gpt-4o-mini");
        assertThat(env.apiKey().orElseThrow().value()).isEqualTo("sk-fallback");
        LlmConfig own = LlmConfig.resolve(s, Map.of("CUECARD_LLM_API_KEY", "sk-own", "OPENAI_API_KEY", "sk-fallback"))
                .orElseThrow();
        assertThat(own.apiKey().orElseThrow().value()).isEqualTo("sk-own");
    }

    @Test
    void theKeyNeverShowsInTheConfigsText() {
        LlmConfig c = LlmConfig.resolve(LlmSettings.none(), Map.of("CUECARD_LLM_BASE_URL", "http://127.0.0.1:8080/v1",
                "CUECARD_LLM_API_KEY", "sk-very-secret-key")).orElseThrow();
        assertThat(c.toString()).doesNotContain("sk-very-secret-key").contains("***");
        assertThat(c.offMachine()).isFalse();
    }

    @Test
    void aBaseUrlThatIsNotHttpIsAClearError() {
        assertThatThrownBy(() -> LlmConfig.resolve(LlmSettings.none(), Map.of("CUECARD_LLM_BASE_URL", "localhost:11434")))
                .isInstanceOf(LlmConfig.InvalidConfigException.class).hasMessageContaining("http://localhost:11434/v1");
    }

    @Test
    void aPortThatCannotExistIsAClearError() {
        assertThatThrownBy(() -> LlmConfig.resolve(LlmSettings.none(),
                Map.of("CUECARD_LLM_BASE_URL", "http://127.0.0.1:99999/v1")))
                .isInstanceOf(LlmConfig.InvalidConfigException.class).hasMessageContaining("port 99999")
                .hasMessageContaining("1 to 65535");
    }
}
