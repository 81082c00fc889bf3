package dev.cuecard.asr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Turns Vosk's JSON results into typed values; no raw JSON leaves this package. */
final class VoskResultParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one Vosk result says. */
    record Parsed(String text, List<Word> words) {
        /** Word times from a recognizer that started {@code ms} into the stream, on the stream's clock. */
        Parsed shifted(long ms) {
            if (ms == 0 || words.isEmpty()) {
                return this;
            }
            return new Parsed(text, words.stream()
                    .map(w -> new Word(w.text(), w.startMs() + ms, w.endMs() + ms, w.confidence())).toList());
        }
    }

    private VoskResultParser() {
    }

    /** A final result: {"result":[{"conf","start","end","word"}...], "text": "..."}. */
    static Parsed parseFinal(String json) {
        JsonNode root = read(json);
        return new Parsed(root.path("text").asText("").trim(), words(root.path("result")));
    }

    /** A partial result: {"partial": "...", "partial_result": [...]} (the latter with partial words on). */
    static Parsed parsePartial(String json) {
        JsonNode root = read(json);
        return new Parsed(root.path("partial").asText("").trim(), words(root.path("partial_result")));
    }

    private static List<Word> words(JsonNode array) {
        List<Word> words = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode w : array) {
                words.add(new Word(w.path("word").asText(""),
                        Math.round(w.path("start").asDouble() * 1000),
                        Math.round(w.path("end").asDouble() * 1000),
                        w.path("conf").asDouble(1.0)));
            }
        }
        return words;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json == null ? "{}" : json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Vosk returned malformed JSON: " + json, e);
        }
    }
}
