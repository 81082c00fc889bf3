package dev.cuecard.hint.llm;

import dev.cuecard.config.LlmSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The LLM endpoint, from the settings file overridden by the environment. Only an explicit base
 * URL turns the LLM on: an {@code OPENAI_API_KEY} that happens to be set in the shell must not start
 * sending interview text anywhere.
 */
public record LlmConfig(URI baseUrl, String model, Optional<ApiKey> apiKey, Duration firstTokenTimeout,
                        Duration requestTimeout, int maxRetries, boolean jsonSchema, int transcriptChars) {
    public static final String BASE_URL_ENV = "CUECARD_LLM_BASE_URL";
    public static final String MODEL_ENV = "CUECARD_LLM_MODEL";
    public static final String API_KEY_ENV = "CUECARD_LLM_API_KEY";
    public static final String OPENAI_KEY_ENV = "OPENAI_API_KEY";
    static final String DEFAULT_MODEL = "gpt-4o-mini";
    /** Kept when the settings name no first-token timeout (the settings dialog says so). */
    public static final Duration DEFAULT_FIRST_TOKEN = Duration.ofSeconds(5);
    static final Duration DEFAULT_REQUEST = Duration.ofSeconds(60);
    static final int DEFAULT_RETRIES = 2;
    static final int DEFAULT_TRANSCRIPT_CHARS = 2000;

    /** A base URL that is not an http(s) URL. */
    public static final class InvalidConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidConfigException(String message) {
            super(message);
        }
    }

    /** The endpoint, or empty when none is configured (template hints only, no network). */
    public static Optional<LlmConfig> resolve(LlmSettings s, Map<String, String> env) {
        String base = firstNonBlank(env.get(BASE_URL_ENV), s.baseUrl());
        if (base == null) {
            return Optional.empty();
        }
        String key = firstNonBlank(env.get(API_KEY_ENV), env.get(OPENAI_KEY_ENV));
        return Optional.of(new LlmConfig(parseBaseUrl(base),
                Optional.ofNullable(firstNonBlank(env.get(MODEL_ENV), s.model())).orElse(DEFAULT_MODEL),
                Optional.ofNullable(key).map(ApiKey::new),
                positiveMs(s.firstTokenTimeoutMs()).orElse(DEFAULT_FIRST_TOKEN),
                positiveMs(s.requestTimeoutMs()).orElse(DEFAULT_REQUEST),
                s.maxRetries() == null ? DEFAULT_RETRIES : Math.max(0, Math.min(5, s.maxRetries())),
                s.jsonSchema() == null || s.jsonSchema(),
                s.transcriptChars() == null ? DEFAULT_TRANSCRIPT_CHARS : Math.max(0, s.transcriptChars())));
    }

    /** A config for tests and benchmarks. */
    public static LlmConfig of(URI baseUrl, String model, String apiKey, Duration firstTokenTimeout, int maxRetries) {
        return new LlmConfig(baseUrl, model, Optional.ofNullable(apiKey).map(ApiKey::new), firstTokenTimeout,
                DEFAULT_REQUEST, maxRetries, true, DEFAULT_TRANSCRIPT_CHARS);
    }

    /** Host and port, as the user would recognise it in a "sending to" notice. */
    public String destination() {
        return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
    }

    /** False when the endpoint is this machine, so nothing leaves it. */
    public boolean offMachine() {
        String host = baseUrl.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost")) {
            return false;
        }
        try {
            // literal addresses only: never resolve a name (that would be network traffic itself)
            if (host.matches("[0-9.]+") || host.startsWith("[")) {
                return !InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
            }
        } catch (UnknownHostException e) {
            return true;
        }
        return true;
    }

    private static URI parseBaseUrl(String text) {
        try {
            URI uri = new URI(text.strip().replaceAll("/+$", ""));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidConfigException("LLM base URL \"" + text + "\" is not an http(s) URL"
                        + " (e.g. http://localhost:11434/v1)");
            }
            if (uri.getPort() > 65_535) {
                // java.net.URI accepts any number; the request would fail as an unreadable reply
                throw new InvalidConfigException("LLM base URL \"" + text + "\" has port " + uri.getPort()
                        + ", which does not exist (ports are 1 to 65535)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidConfigException("LLM base URL \"" + text + "\" is not a URL (e.g. http://localhost:11434/v1)");
        }
    }

    private static Optional<Duration> positiveMs(Integer ms) {
        return ms == null || ms <= 0 ? Optional.empty() : Optional.of(Duration.ofMillis(ms));
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b != null && !b.isBlank() ? b.strip() : null;
    }
}
