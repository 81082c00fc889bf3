package dev.cuecard.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code llm:} section of the settings file. Every field is optional; without a base URL (here
 * or in {@code CUECARD_LLM_BASE_URL}) no LLM is used and nothing goes over the network. The API
 * key is deliberately not a field: it is read from the environment only, so it never sits in a
 * file the user might share.
 *
 * @param baseUrl             an OpenAI-compatible endpoint, e.g. {@code http://localhost:11434/v1}
 * @param model               the model name the endpoint knows
 * @param firstTokenTimeoutMs how long to wait for the first token before keeping the template hint
 * @param requestTimeoutMs    upper bound for a whole draft
 * @param maxRetries          retries after 429 / 5xx
 * @param jsonSchema          ask for a JSON-schema response format (false for servers that reject it)
 * @param transcriptChars     how much recent transcript (both channels) goes into the prompt
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LlmSettings(String baseUrl, String model, Integer firstTokenTimeoutMs, Integer requestTimeoutMs,
                          Integer maxRetries, Boolean jsonSchema, Integer transcriptChars) {

    public static LlmSettings none() {
        return new LlmSettings(null, null, null, null, null, null, null);
    }
}
