package dev.cuecard.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cuecard.question.TemplateLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The labelled answers of {@code coverage/pairs.yaml}: one answer, a label per key point of its template. */
record CoveragePairs(List<Item> items) {
    enum Label { COVERED, NEAR, NOT }

    record Item(String template, boolean heldOut, String text, List<String> points, List<Label> labels) {
    }

    /** One key point against one answer, with the evidence the matcher found. */
    record Scored(Item item, String point, Label label, double cosine, double lexical, double margin,
                  boolean lexicalRule) {
        boolean positive() {
            return label == Label.COVERED;
        }
    }

    static CoveragePairs load(TemplateLibrary templates) {
        try (InputStream in = CoveragePairs.class.getResourceAsStream("/coverage/pairs.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Item> items = new ArrayList<>();
            for (JsonNode a : root.get("answers")) {
                String id = a.get("template").asText();
                List<String> points = templates.get(id).orElseThrow(() -> new IllegalStateException("no template " + id))
                        .card().keyPoints();
                Set<Integer> covered = ints(a.get("covered"));
                Set<Integer> near = ints(a.get("near"));
                List<Label> labels = new ArrayList<>();
                for (int i = 0; i < points.size(); i++) {
                    labels.add(covered.contains(i) ? Label.COVERED : near.contains(i) ? Label.NEAR : Label.NOT);
                }
                items.add(new Item(id, a.path("heldOut").asBoolean(false), a.get("text").asText().strip(), points, labels));
            }
            return new CoveragePairs(items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<Integer> ints(JsonNode n) {
        Set<Integer> out = new HashSet<>();
        n.forEach(x -> out.add(x.asInt()));
        return out;
    }

    /** Every (answer, key point) of the held-out part or of the rest, scored by {@code coverage}. */
    List<Scored> score(SemanticCoverage coverage, boolean heldOut) {
        List<Scored> out = new ArrayList<>();
        for (Item item : items) {
            if (item.heldOut() != heldOut) {
                continue;
            }
            List<PointCoverage> found = coverage.cover(item.points(), item.text());
            for (int i = 0; i < found.size(); i++) {
                PointCoverage f = found.get(i);
                out.add(new Scored(item, item.points().get(i), item.labels().get(i), f.cosine(), f.lexical(), f.margin(),
                        f.lexicalRule()));
            }
        }
        return out;
    }

    /** Precision, recall and the near misses ticked, for a decision rule on scored pairs. */
    record Quality(int tp, int fp, int fn, int nearTicked, int near) {
        double precision() {
            return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
        }

        double f(double beta) {
            double p = precision();
            double r = recall();
            double b2 = beta * beta;
            return p + r == 0 ? 0 : (1 + b2) * p * r / (b2 * p + r);
        }
    }

    static Quality quality(List<Scored> scored, SemanticCoverage.Params p) {
        return quality(scored, p.threshold(), p.lexicalWeight(), p.marginWeight(), p.lexicalRuleSuffices());
    }

    static Quality quality(List<Scored> scored, double threshold, double lexicalWeight, double marginWeight,
                           boolean lexicalRule) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int nearTicked = 0;
        int near = 0;
        for (Scored s : scored) {
            boolean ticked = s.cosine() + lexicalWeight * s.lexical() + marginWeight * s.margin() >= threshold
                    || lexicalRule && s.lexicalRule();
            if (s.positive()) {
                tp += ticked ? 1 : 0;
                fn += ticked ? 0 : 1;
            } else {
                fp += ticked ? 1 : 0;
            }
            if (s.label() == Label.NEAR) {
                near++;
                nearTicked += ticked ? 1 : 0;
            }
        }
        return new Quality(tp, fp, fn, nearTicked, near);
    }

    /** The lexical rule alone, as the debrief used it before. */
    static Quality lexicalQuality(List<Scored> scored) {
        return quality(scored, Double.POSITIVE_INFINITY, 0, 0, true);
    }
}
