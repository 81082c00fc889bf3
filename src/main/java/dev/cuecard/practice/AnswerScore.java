package dev.cuecard.practice;

import dev.cuecard.session.debrief.AnswerFeedback;
import dev.cuecard.session.debrief.KeyPointCoverage;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The rubric's verdict on one answer: a total out of 10 and the breakdown behind it. */
public record AnswerScore(double total, List<DimensionScore> dimensions, AnswerFeedback feedback) {
    public AnswerScore {
        dimensions = List.copyOf(dimensions);
    }

    /** 10 × Σ weight·score / Σ weight over measured dimensions (see {@link Dimension}). */
    static double total(List<DimensionScore> dims) {
        double sum = 0;
        int weights = 0;
        for (DimensionScore d : dims) {
            if (d.score().isPresent()) {
                sum += d.dimension().weight() * d.score().get();
                weights += d.dimension().weight();
            }
        }
        return weights == 0 ? 0 : Math.round(100.0 * sum / weights) / 10.0;
    }

    public DimensionScore dimension(Dimension d) {
        return dimensions.stream().filter(s -> s.dimension() == d).findFirst().orElseThrow();
    }

    /** The measured dimension that lost the most weighted points. */
    public Optional<DimensionScore> weakest() {
        return dimensions.stream().filter(d -> d.score().isPresent())
                .max(Comparator.comparingDouble(d -> d.dimension().weight() * (1 - d.score().get())));
    }

    public List<String> coveredKeyPoints() {
        return feedback.keyPoints().stream().filter(KeyPointCoverage::covered).map(KeyPointCoverage::keyPoint).toList();
    }

    public List<String> missedKeyPoints() {
        return feedback.keyPoints().stream().filter(k -> !k.covered()).map(KeyPointCoverage::keyPoint).toList();
    }
}
