package dev.cuecard.practice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@link AnswerScore} as JSON — the {@code practice score --json} contract and the stored
 * breakdown: {@code {"total","dimensions":[{"id","label","weight","score","finding","suggestion"}],
 * "coveredKeyPoints":[],"missedKeyPoints":[]}}; a dimension's score is 0–10, null when not measured.
 */
public final class ScoreJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScoreJson() {
    }

    public static ObjectNode tree(AnswerScore s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("total", s.total());
        ArrayNode dims = n.putArray("dimensions");
        for (DimensionScore d : s.dimensions()) {
            ObjectNode o = dims.addObject();
            o.put("id", d.dimension().id());
            o.put("label", d.dimension().label());
            o.put("weight", d.dimension().weight());
            if (d.outOfTen().isPresent()) {
                o.put("score", d.outOfTen().get());
            } else {
                o.putNull("score");
            }
            o.put("finding", d.finding());
            o.put("suggestion", d.suggestion());
        }
        s.coveredKeyPoints().forEach(n.putArray("coveredKeyPoints")::add);
        s.missedKeyPoints().forEach(n.putArray("missedKeyPoints")::add);
        return n;
    }

    public static String write(AnswerScore s) {
        try {
            return JSON.writeValueAsString(tree(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The dimensions of a stored breakdown; unknown or broken entries are skipped. */
    public static List<DimensionScore> dimensions(String json) {
        List<DimensionScore> out = new ArrayList<>();
        try {
            for (JsonNode d : JSON.readTree(json).path("dimensions")) {
                for (Dimension dim : Dimension.values()) {
                    if (dim.id().equals(d.path("id").asText())) {
                        Optional<Double> score = d.path("score").isNumber()
                                ? Optional.of(d.path("score").asDouble() / 10) : Optional.empty();
                        out.add(new DimensionScore(dim, score, d.path("finding").asText(""), d.path("suggestion").asText("")));
                    }
                }
            }
        } catch (JsonProcessingException e) {
            return List.of();
        }
        return out;
    }
}
