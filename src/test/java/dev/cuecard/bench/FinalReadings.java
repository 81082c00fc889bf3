package dev.cuecard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuecard.question.Category;
import dev.cuecard.question.Classification;
import dev.cuecard.question.SemanticMatcher;
import dev.cuecard.question.UtteranceClassifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The final results of replayed panels ({@code replay --json} events) read again under other rules
 * for the recogniser's other readings and the keyword spotter's terms, without replaying: how many
 * finals of questions read as the right category and how many finals of small talk read as a
 * question, per rule.
 *
 * <pre>
 *   FinalReadings TRUTH.tsv EVENTS.jsonl [TRUTH.tsv EVENTS.jsonl ...]   (-Drules=max,noterms to pick rules)
 * </pre>
 *
 * A final belongs to the utterance whose window holds its midpoint (PanelScore's rule).
 */
public final class FinalReadings {
    private FinalReadings() {
    }

    record Heard(String text, List<String> alternatives, List<String> terms) {
    }

    public static void main(String[] args) throws Exception {
        UtteranceClassifier lexical = UtteranceClassifier.shipped();
        UtteranceClassifier c = lexical.withSemantics(SemanticMatcher.loadShipped(Files.createTempDirectory("fr"),
                lexical.library()));
        Map<String, BiFunction<UtteranceClassifier, Heard, Classification>> rules = new LinkedHashMap<>();
        rules.put("max", (u, h) -> u.confirm(h.text(), h.alternatives(), h.terms()));
        rules.put("top", (u, h) -> u.confirm(h.text(), h.terms()));
        rules.put("noterms", (u, h) -> u.confirm(h.text(), h.alternatives(), List.of()));
        rules.put("topnoterms", (u, h) -> u.confirm(h.text(), List.of()));
        for (double m : new double[] {0.05, 0.1, 0.2}) {
            rules.put("margin" + m, (u, h) -> {
                Classification best = u.confirm(h.text(), h.terms());
                for (String a : h.alternatives()) {
                    Classification x = u.confirm(a, h.terms());
                    if (x.confidence() > best.confidence() + m) {
                        best = x;
                    }
                }
                return best;
            });
        }
        rules.put("either", (u, h) -> {
            Classification with = u.confirm(h.text(), h.alternatives(), h.terms());
            Classification without = u.confirm(h.text(), h.alternatives(), List.of());
            return with.confidence() > without.confidence() ? with : without;
        });
        for (double m : new double[] {0.05, 0.15}) {
            rules.put("termsBy" + m, (u, h) -> {
                Classification with = u.confirm(h.text(), h.alternatives(), h.terms());
                Classification without = u.confirm(h.text(), h.alternatives(), List.of());
                return with.confidence() > without.confidence() + m ? with : without;
            });
        }
        for (double t : new double[] {0.4, 0.5}) {
            rules.put("termsIfSure" + t, (u, h) -> {
                Classification with = u.confirm(h.text(), h.alternatives(), h.terms());
                return with.confidence() >= t ? with : u.confirm(h.text(), h.alternatives(), List.of());
            });
        }
        rules.put("vote", (u, h) -> {
            List<Classification> all = new ArrayList<>();
            all.add(u.confirm(h.text(), h.terms()));
            h.alternatives().forEach(a -> all.add(u.confirm(a, h.terms())));
            Map<Category, Double> sum = new EnumMap<>(Category.class);
            all.forEach(x -> sum.merge(x.isQuestion() ? x.category() : Category.NONE, x.confidence(), Double::sum));
            Category win = sum.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
            return all.stream().filter(x -> (x.isQuestion() ? x.category() : Category.NONE) == win)
                    .max(java.util.Comparator.comparingDouble(Classification::confidence)).get();
        });
        ObjectMapper json = new ObjectMapper();
        List<String> only = List.of(System.getProperty("rules", String.join(",", rules.keySet())).split(","));
        for (String rule : only) {
            int questions = 0;
            int right = 0;
            int smallTalk = 0;
            int carded = 0;
            for (int f = 0; f + 1 < args.length; f += 2) {
                List<PanelScore.Truth> truth = PanelScore.readTruth(Files.readAllLines(Path.of(args[f]),
                        StandardCharsets.UTF_8));
                for (String line : Files.readAllLines(Path.of(args[f + 1]), StandardCharsets.UTF_8)) {
                    JsonNode n = json.readTree(line);
                    if (!"final".equals(n.path("type").asText()) || n.get("text").asText().isBlank()) {
                        continue;
                    }
                    long mid = (n.get("startMs").asLong() + n.get("endMs").asLong()) / 2;
                    int i = PanelScore.windowOf(truth, mid);
                    if (i < 0) {
                        continue;
                    }
                    List<String> alts = new ArrayList<>();
                    n.path("alternatives").forEach(a -> alts.add(a.asText()));
                    List<String> terms = new ArrayList<>();
                    n.path("terms").forEach(a -> terms.add(a.asText()));
                    Classification r = rules.get(rule).apply(c, new Heard(n.get("text").asText(), alts, terms));
                    PanelScore.Truth t = truth.get(i);
                    if (t.question()) {
                        questions++;
                        if (r.isQuestion() && r.category().id().equals(t.category())) {
                            right++;
                        }
                    } else {
                        smallTalk++;
                        if (r.isQuestion()) {
                            carded++;
                        }
                    }
                }
            }
            System.out.printf("%-12s finals of questions right %d/%d (%.1f %%), small-talk finals carded %d/%d%n", rule,
                    right, questions, 100.0 * right / questions, carded, smallTalk);
        }
    }
}
