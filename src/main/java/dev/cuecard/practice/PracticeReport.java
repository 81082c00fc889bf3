package dev.cuecard.practice;

import dev.cuecard.session.SessionKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The end of a round: per-question scores, the dimension that cost the most points over the
 * round, and the history (this round included) for progress per category.
 */
public record PracticeReport(RoundSetup setup, List<QuestionResult> results, Optional<Long> sessionId,
                             PracticeHistory history) {
    public PracticeReport {
        results = List.copyOf(results);
    }

    static PracticeReport of(PracticeRound round, PracticeHistory history) {
        PracticeHistory withRound = history;
        if (round.sessionId().isEmpty()) {
            // not stored: the history cannot contain this round yet
            List<PracticeHistory.Entry> entries = new ArrayList<>(history.entries());
            Instant now = Instant.now();
            answered(round.results()).forEach(r -> entries.add(new PracticeHistory.Entry(r.question().category(),
                    r.question().template().id(), r.score().total(), now, SessionKind.PRACTICE)));
            withRound = new PracticeHistory(entries);
        }
        return new PracticeReport(round.setup(), round.results(), round.sessionId(), withRound);
    }

    private static List<QuestionResult> answered(List<QuestionResult> results) {
        return results.stream().filter(r -> r.answer().wordCount() > 0).toList();
    }

    public List<QuestionResult> answered() {
        return answered(results);
    }

    /** Mean total over the answered questions; a skipped question is no answer, not a 0 (see {@link #skipped()}). */
    public double average() {
        return answered().stream().mapToDouble(r -> r.score().total()).average().orElse(0);
    }

    /** Questions skipped or left without a word. */
    public int skipped() {
        return results.size() - answered().size();
    }

    /** The dimension that lost the most weighted points over all answered questions. */
    public Optional<Dimension> weakestDimension() {
        Map<Dimension, Double> lost = new EnumMap<>(Dimension.class);
        for (QuestionResult r : answered()) {
            for (DimensionScore d : r.score().dimensions()) {
                d.score().ifPresent(s -> lost.merge(d.dimension(), d.dimension().weight() * (1 - s), Double::sum));
            }
        }
        return lost.entrySet().stream().filter(e -> e.getValue() > 0).max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey);
    }

    /** The most frequent suggestion for the weakest dimension: the one thing to practise next. */
    public Optional<String> nextStep() {
        return weakestDimension().flatMap(d -> answered().stream().map(r -> r.score().dimension(d))
                .filter(s -> s.score().isPresent()).min(java.util.Comparator.comparingDouble(s -> s.score().get()))
                .map(DimensionScore::suggestion));
    }
}
