package dev.cuecard.ui.practice;

import dev.cuecard.practice.DimensionScore;
import java.util.Locale;

/** One dimension of a score as the breakdown table shows it: name, score out of 10, finding, advice. */
public record BreakdownRow(String dimension, String score, String finding, String suggestion) {
    static BreakdownRow of(DimensionScore d) {
        String name = Character.toUpperCase(d.dimension().label().charAt(0)) + d.dimension().label().substring(1);
        return new BreakdownRow(name, d.outOfTen().map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse("–"),
                d.finding(), d.suggestion());
    }
}
