package dev.cuecard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Scores a replay of a labelled interview panel (bench/make-panel.sh, bench/panel.sh): what share of
 * the interviewer's questions get a FIRST card on the right category, as the user meets it.
 *
 * <pre>
 *   PanelScore [--errors] [--no-header] TRUTH.tsv EVENTS.jsonl [TRUTH2.tsv EVENTS2.jsonl ...]
 * </pre>
 *
 * TRUTH.tsv: id, category, template, speechStartMs, speechEndMs, text (with a header line).
 * EVENTS.jsonl: {@code replay --json} output. Every {@code question} event starts a card (the first
 * event of an id) or refines it (a later event of that id with {@code refined=true}). A card belongs
 * to the utterance i whose window [speechStart(i), speechStart(i+1)) holds its first event's atMs.
 * Prints a Markdown table (one row per pair), then with --errors the wrong, missed and small-talk
 * carded utterances of each pair.
 */
public final class PanelScore {
    static final String NONE = "none";

    record Truth(String id, String category, String template, long startMs, long endMs, String text) {
        boolean question() {
            return !NONE.equals(category);
        }
    }

    record QuestionEvent(long atMs, int id, String text, String category, String template, double confidence,
                         long speechEndMs, boolean early, boolean refined) {
    }

    /**
     * A final transcript line, to show what was heard for a missed question. It goes to the window
     * of its midpoint: the recogniser's first word often starts a few ms before the measured onset.
     */
    record Heard(long midMs, String text) {
    }

    record Card(QuestionEvent first, List<QuestionEvent> refinements) {
        QuestionEvent last() {
            return refinements.isEmpty() ? first : refinements.get(refinements.size() - 1);
        }
    }

    /** One truth utterance with the cards (in order) and final transcripts of its window. */
    record Outcome(Truth truth, List<Card> cards, List<Heard> heard) {
        Optional<Card> firstCard() {
            return cards.isEmpty() ? Optional.empty() : Optional.of(cards.get(0));
        }

        boolean firstRight() {
            return firstCard().map(c -> c.first().category().equals(truth.category())).orElse(false);
        }

        boolean finalRight() {
            return firstCard().map(c -> c.last().category().equals(truth.category())).orElse(false);
        }

        String heardText() {
            return String.join(" | ", heard.stream().map(Heard::text).filter(t -> !t.isBlank()).toList());
        }
    }

    record Scores(int questions, int firstRight, int carded, int missed, int smallTalk, int smallTalkCarded,
                  int extraCards, int cardsBeforeFirstUtterance, List<Long> latenciesMs, int refinements,
                  int rightToWrong, int wrongToRight, int finalRight) {
        long early() {
            return latenciesMs.stream().filter(l -> l < 0).count();
        }

        /** Nearest-rank percentile of the question-end → first-card latencies (ms). */
        Optional<Long> latencyPercentile(double p) {
            if (latenciesMs.isEmpty()) {
                return Optional.empty();
            }
            List<Long> sorted = latenciesMs.stream().sorted().toList();
            int rank = (int) Math.ceil(p * sorted.size());
            return Optional.of(sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))));
        }
    }

    record Result(String name, List<Outcome> outcomes, int cardsBeforeFirstUtterance) {
        Scores scores() {
            int questions = 0, firstRight = 0, carded = 0, missed = 0, smallTalk = 0, smallTalkCarded = 0;
            int extra = 0, refinements = 0, rightToWrong = 0, wrongToRight = 0, finalRight = 0;
            List<Long> latencies = new ArrayList<>();
            for (Outcome o : outcomes) {
                extra += Math.max(0, o.cards().size() - 1);
                if (!o.truth().question()) {
                    smallTalk++;
                    if (!o.cards().isEmpty()) {
                        smallTalkCarded++;
                    }
                    continue;
                }
                questions++;
                Optional<Card> card = o.firstCard();
                if (card.isEmpty()) {
                    missed++;
                    continue;
                }
                carded++;
                Card c = card.get();
                boolean right = o.firstRight();
                boolean rightAtLast = o.finalRight();
                firstRight += right ? 1 : 0;
                finalRight += rightAtLast ? 1 : 0;
                latencies.add(c.first().atMs() - o.truth().endMs());
                refinements += c.refinements().size();
                if (right && !rightAtLast) {
                    rightToWrong++;
                } else if (!right && rightAtLast) {
                    wrongToRight++;
                }
            }
            return new Scores(questions, firstRight, carded, missed, smallTalk, smallTalkCarded, extra,
                    cardsBeforeFirstUtterance, List.copyOf(latencies), refinements, rightToWrong, wrongToRight,
                    finalRight);
        }
    }

    private PanelScore() {
    }

    // ---------------------------------------------------------------------------------------------
    // reading

    static List<Truth> readTruth(List<String> lines) {
        List<Truth> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("id\t")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 6) {
                throw new IllegalArgumentException("truth line needs 6 tab-separated columns: " + line);
            }
            out.add(new Truth(f[0], f[1], f[2], Long.parseLong(f[3]), Long.parseLong(f[4]), f[5]));
        }
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).startMs() < out.get(i - 1).startMs()) {
                throw new IllegalArgumentException("truth is not in recording order at " + out.get(i).id());
            }
        }
        return out;
    }

    static Result score(String name, List<Truth> truth, List<String> eventLines) {
        ObjectMapper json = new ObjectMapper();
        Map<Integer, Card> cards = new LinkedHashMap<>();
        List<Heard> heard = new ArrayList<>();
        for (String line : eventLines) {
            if (line.isBlank() || !line.startsWith("{")) {
                continue;
            }
            JsonNode n;
            try {
                n = json.readTree(line);
            } catch (IOException e) {
                throw new IllegalArgumentException("not a JSON line: " + line, e);
            }
            String type = n.path("type").asText();
            if ("final".equals(type)) {
                heard.add(new Heard((n.path("startMs").asLong() + n.path("endMs").asLong()) / 2, n.path("text").asText()));
            } else if ("question".equals(type)) {
                QuestionEvent q = new QuestionEvent(n.path("atMs").asLong(), n.path("id").asInt(),
                        n.path("text").asText(), n.path("category").asText(), n.path("template").asText(""),
                        n.path("confidence").asDouble(), n.path("speechEndMs").asLong(),
                        n.path("early").asBoolean(), n.path("refined").asBoolean());
                Card card = cards.get(q.id());
                if (card == null) {
                    cards.put(q.id(), new Card(q, new ArrayList<>()));
                } else if (q.refined()) {
                    card.refinements().add(q);
                }
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Truth t : truth) {
            outcomes.add(new Outcome(t, new ArrayList<>(), new ArrayList<>()));
        }
        int before = 0;
        List<Card> ordered = cards.values().stream().sorted(Comparator.comparingLong(c -> c.first().atMs())).toList();
        for (Card c : ordered) {
            int i = windowOf(truth, c.first().atMs());
            if (i < 0) {
                before++;
            } else {
                outcomes.get(i).cards().add(c);
            }
        }
        for (Heard h : heard) {
            int i = windowOf(truth, h.midMs());
            if (i >= 0) {
                outcomes.get(i).heard().add(h);
            }
        }
        return new Result(name, outcomes, before);
    }

    /** Index of the utterance whose window [start(i), start(i+1)) holds atMs; -1 before the first. */
    static int windowOf(List<Truth> truth, long atMs) {
        int found = -1;
        for (int i = 0; i < truth.size() && truth.get(i).startMs() <= atMs; i++) {
            found = i;
        }
        return found;
    }

    // ---------------------------------------------------------------------------------------------
    // printing

    static String header() {
        return "| condition | questions | first card right | right when carded | missed | small talk carded "
                + "| extra cards | end → card median | p90 | early | refinements (→ wrong / → right) | final right |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    static String row(Result r) {
        Scores s = r.scores();
        return "| " + r.name()
                + " | " + s.questions()
                + " | " + pct(s.firstRight(), s.questions())
                + " | " + pct(s.firstRight(), s.carded())
                + " | " + s.missed()
                + " | " + s.smallTalkCarded() + "/" + s.smallTalk()
                + " | " + s.extraCards() + (s.cardsBeforeFirstUtterance() > 0 ? " (+" + s.cardsBeforeFirstUtterance() + " before)" : "")
                + " | " + s.latencyPercentile(0.5).map(PanelScore::seconds).orElse("–")
                + " | " + s.latencyPercentile(0.9).map(PanelScore::seconds).orElse("–")
                + " | " + pctShort(s.early(), s.carded())
                + " | " + s.refinements() + " (" + s.rightToWrong() + " / " + s.wrongToRight() + ")"
                + " | " + pct(s.finalRight(), s.questions())
                + " |";
    }

    static void printErrors(Result r, PrintStream out) {
        out.println();
        out.println("### " + r.name() + ": errors");
        List<Outcome> wrong = new ArrayList<>(), missed = new ArrayList<>(), smallTalk = new ArrayList<>();
        List<Outcome> extra = new ArrayList<>();
        Map<String, Integer> confusions = new TreeMap<>();
        for (Outcome o : r.outcomes()) {
            if (o.cards().size() > 1) {
                extra.add(o);
            }
            if (!o.truth().question()) {
                if (!o.cards().isEmpty()) {
                    smallTalk.add(o);
                    confusions.merge("none → " + o.cards().get(0).first().category(), 1, Integer::sum);
                }
            } else if (o.cards().isEmpty()) {
                missed.add(o);
                confusions.merge(o.truth().category() + " → (missed)", 1, Integer::sum);
            } else if (!o.firstRight()) {
                wrong.add(o);
                confusions.merge(o.truth().category() + " → " + o.cards().get(0).first().category(), 1, Integer::sum);
            }
        }
        out.println();
        out.println("wrong first card (" + wrong.size() + "):");
        wrong.forEach(o -> out.println(cardLine(o)));
        out.println();
        out.println("missed (" + missed.size() + "):");
        missed.forEach(o -> out.println("- " + truthText(o) + " — heard: \"" + o.heardText() + "\""));
        out.println();
        out.println("small talk carded (" + smallTalk.size() + "):");
        smallTalk.forEach(o -> out.println(cardLine(o)));
        out.println();
        out.println("extra cards (" + extra.size() + " utterances):");
        extra.forEach(o -> {
            out.println("- " + truthText(o));
            o.cards().forEach(c -> out.println("    " + card(c, o.truth())));
        });
        out.println();
        out.println("error types (truth → first card):");
        confusions.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.println("- " + e.getKey() + ": " + e.getValue()));
    }

    private static String cardLine(Outcome o) {
        return "- " + truthText(o) + "\n    " + card(o.cards().get(0), o.truth());
    }

    private static String truthText(Outcome o) {
        Truth t = o.truth();
        return t.id() + " " + t.category() + "/" + t.template() + " \"" + t.text() + "\"";
    }

    private static String card(Card c, Truth t) {
        QuestionEvent q = c.first();
        String s = "→ card #" + q.id() + " heard \"" + q.text() + "\" = " + q.category() + "/" + q.template()
                + String.format(Locale.ROOT, " (%.2f, %+.2f s%s)", q.confidence(), (q.atMs() - t.endMs()) / 1000.0,
                q.early() ? ", early" : "");
        if (!c.refinements().isEmpty()) {
            QuestionEvent last = c.last();
            s += " ⇒ refined \"" + last.text() + "\" = " + last.category() + "/" + last.template()
                    + String.format(Locale.ROOT, " (%.2f)", last.confidence());
        }
        return s;
    }

    private static String pct(long part, long whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100.0 * part / whole, part, whole);
    }

    private static String pctShort(long part, long whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.0f %%", 100.0 * part / whole);
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%+.2f s", ms / 1000.0);
    }

    static String nameOf(Path truth) {
        String f = truth.getFileName().toString();
        return f.endsWith(".truth.tsv") ? f.substring(0, f.length() - ".truth.tsv".length()) : f;
    }

    public static void main(String[] args) throws IOException {
        boolean errors = false, header = true;
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "--errors" -> errors = true;
                case "--no-header" -> header = false;
                default -> files.add(Path.of(a));
            }
        }
        if (files.isEmpty() || files.size() % 2 != 0) {
            System.err.println("usage: PanelScore [--errors] [--no-header] TRUTH.tsv EVENTS.jsonl [TRUTH.tsv EVENTS.jsonl ...]");
            System.exit(2);
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < files.size(); i += 2) {
            List<Truth> truth = readTruth(Files.readAllLines(files.get(i), StandardCharsets.UTF_8));
            results.add(score(nameOf(files.get(i)), truth, Files.readAllLines(files.get(i + 1), StandardCharsets.UTF_8)));
        }
        if (header) {
            System.out.println(header());
        }
        results.forEach(r -> System.out.println(row(r)));
        if (errors) {
            results.forEach(r -> printErrors(r, System.out));
        }
    }
}
