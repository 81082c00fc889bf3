package dev.cuecard.hint.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What every prompt builder needs: prompt text from resources, and values quoted as JSON. */
public final class PromptText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PromptText() {
    }

    /**
     * A value as JSON text: heard or typed words go into prompts only this way, so quotes and
     * newlines in them stay inside their string and cannot become instructions.
     */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A prompt file shipped in the jar. */
    public static String resource(String name) {
        try (InputStream in = PromptText.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("prompt resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
