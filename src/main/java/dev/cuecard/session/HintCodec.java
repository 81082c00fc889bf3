package dev.cuecard.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuecard.hint.Hint;
import java.util.ArrayList;
import java.util.List;

/** A hint as stored: the structured card as JSON, and the same as plain text for search. */
final class HintCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private HintCodec() {
    }

    static String json(Hint hint) {
        try {
            return JSON.writeValueAsString(hint);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a hint cannot be written as JSON", e);
        }
    }

    static Hint fromJson(String json) {
        try {
            return JSON.readValue(json, Hint.class);
        } catch (JsonProcessingException e) {
            throw new SessionStoreException("a stored hint cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    static String plainText(Hint h) {
        List<String> parts = new ArrayList<>();
        parts.add(h.title());
        parts.add(h.gist());
        parts.addAll(h.structure());
        parts.addAll(h.keyPoints());
        parts.addAll(h.numbers());
        parts.addAll(h.pitfalls());
        parts.addAll(h.followUps());
        return String.join("\n", parts.stream().filter(p -> p != null && !p.isBlank()).toList());
    }
}
