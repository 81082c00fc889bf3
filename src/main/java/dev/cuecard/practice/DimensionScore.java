package dev.cuecard.practice;

import java.util.Optional;

/**
 * One dimension of an answer's score.
 *
 * @param score      0–1, empty when the dimension could not be measured (pace of a typed answer)
 * @param finding    what was measured, in a few words ("3 of 5 key points", "172 wpm")
 * @param suggestion one concrete thing to do next time
 */
public record DimensionScore(Dimension dimension, Optional<Double> score, String finding, String suggestion) {
    public static DimensionScore of(Dimension d, double score, String finding, String suggestion) {
        return new DimensionScore(d, Optional.of(Math.max(0, Math.min(1, score))), finding, suggestion);
    }

    public static DimensionScore notMeasured(Dimension d, String why) {
        return new DimensionScore(d, Optional.empty(), why, "");
    }

    /** The score on the 0–10 scale the user sees, rounded to one decimal. */
    public Optional<Double> outOfTen() {
        return score.map(s -> Math.round(s * 100) / 10.0);
    }
}
