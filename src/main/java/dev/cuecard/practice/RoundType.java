package dev.cuecard.practice;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kind of round: how many questions, and from which categories. */
public enum RoundType {
    /** About ten questions weighted by seniority, at most two per category. */
    SCREENING(10),
    /** Back-to-back questions from one category (or the weakest ones). */
    DRILL(5),
    /** One question from every category, behavioural included. */
    FULL_LOOP(10);

    private final int defaultQuestions;

    RoundType(int defaultQuestions) {
        this.defaultQuestions = defaultQuestions;
    }

    public int defaultQuestions() {
        return defaultQuestions;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The name people read: "Drill". */
    public String label() {
        return switch (this) {
            case SCREENING -> "Screening";
            case DRILL -> "Drill";
            case FULL_LOOP -> "Full loop";
        };
    }

    public static Optional<RoundType> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equalsIgnoreCase(id.strip())).findFirst();
    }
}
