package dev.cuecard.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The labelled answers of {@code practice/calibration.yaml}: one template, three qualities. */
record CalibrationSet(List<Item> items) {
    enum Quality { STRONG, MEDIOCRE, WEAK }

    record Item(String template, String strong, String mediocre, String weak) {
        String text(Quality q) {
            return switch (q) {
                case STRONG -> strong;
                case MEDIOCRE -> mediocre;
                case WEAK -> weak;
            };
        }

        /** File-name stem of one rendering, e.g. {@code rate-limiter.strong}. */
        String name(Quality q) {
            return template + "." + q.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static CalibrationSet load() {
        return load("/practice/calibration.yaml");
    }

    /** The held-out set of issue 15 (never used to tune the rubric). */
    static CalibrationSet heldOut() {
        return load("/practice/calibration-heldout.yaml");
    }

    /**
     * The second held-out set, written before the "shallow answers" rubric change and only ever
     * evaluated (never used to tune the rubric).
     */
    static CalibrationSet heldOut2() {
        return load("/practice/calibration-heldout2.yaml");
    }

    static CalibrationSet load(String resource) {
        try (InputStream in = CalibrationSet.class.getResourceAsStream(resource)) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Item> items = new ArrayList<>();
            for (JsonNode a : root.get("answers")) {
                items.add(new Item(a.get("template").asText(), a.get("strong").asText().strip(),
                        a.get("mediocre").asText().strip(), a.get("weak").asText().strip()));
            }
            return new CalibrationSet(items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
