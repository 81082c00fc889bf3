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

    /** The longest question sent (a spoken question is rarely over 300 characters). */
    public static final int QUESTION_CHARS = 1000;
    /** The longest answer sent for review (about eight minutes of speech). */
    public static final int ANSWER_CHARS = 8000;

    /**
     * At most {@code max} characters of {@code text}, its start; a cut is marked with "…". Every
     * text that leaves the machine goes through a cap, so a pasted book or a runaway recogniser
     * cannot make a megabyte request.
     */
    public static String head(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** At most {@code max} characters of {@code text}, its end (where a heard question is); a cut is marked with "…". */
    public static String tail(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int start = text.length() - max + 1;
        if (Character.isLowSurrogate(text.charAt(start))) {
            start++;
        }
        return "…" + text.substring(start);
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
