package dev.cuecard.asr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Turns Vosk's JSON results into typed values; no raw JSON leaves this package. */
final class VoskResultParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one Vosk result says; {@code alternatives}: the other readings of an n-best result. */
    record Parsed(String text, List<Word> words, List<String> alternatives) {
        Parsed(String text, List<Word> words) {
            this(text, words, List.of());
        }

        /** Word times from a recognizer that started {@code ms} into the stream, on the stream's clock. */
        Parsed shifted(long ms) {
            if (ms == 0 || words.isEmpty()) {
                return this;
            }
            return new Parsed(text, words.stream()
                    .map(w -> new Word(w.text(), w.startMs() + ms, w.endMs() + ms, w.confidence())).toList(),
                    alternatives);
        }
    }

    private VoskResultParser() {
    }

    /**
     * A final result: {"result":[{"conf","start","end","word"}...], "text": "..."}; or, from a
     * recognizer asked for alternatives, {"alternatives":[{"confidence","result":[{"start","end","word"}...],
     * "text"}...]}, most likely first. Such words carry no confidence of their own: a word's is the
     * share of the readings that heard it at the same time.
     */
    static Parsed parseFinal(String json) {
        JsonNode root = read(json);
        JsonNode alternatives = root.path("alternatives");
        if (!alternatives.isArray()) {
            return new Parsed(root.path("text").asText("").trim(), words(root.path("result")));
        }
        List<String> texts = new ArrayList<>();
        List<List<Word>> readings = new ArrayList<>();
        for (JsonNode a : alternatives) {
            String text = a.path("text").asText("").trim();
            if (texts.isEmpty() && text.isEmpty()) {
                // the most likely reading is silence: a less likely word ("the") is noise, not a transcript
                return new Parsed("", List.of());
            }
            if (!text.isEmpty() && !texts.contains(text)) {
                texts.add(text);
                readings.add(words(a.path("result")));
            }
        }
        if (texts.isEmpty()) {
            return new Parsed("", List.of());
        }
        List<Word> best = readings.get(0).stream()
                .map(w -> new Word(w.text(), w.startMs(), w.endMs(), agreement(w, readings))).toList();
        return new Parsed(texts.get(0), best, texts.subList(1, texts.size()));
    }

    /** The share of the readings holding the same word over an overlapping stretch of audio. */
    private static double agreement(Word w, List<List<Word>> readings) {
        long holding = readings.stream().filter(r -> r.stream().anyMatch(o -> o.text().equals(w.text())
                && o.startMs() < w.endMs() && w.startMs() < o.endMs())).count();
        return (double) holding / readings.size();
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
