package dev.cuecard.practice;

import dev.cuecard.question.Category;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The candidate's level. It weights categories for a mixed round (juniors get fundamentals and
 * component questions, seniors full designs, distributed systems and incidents) and decides which
 * end of a template's follow-up list pushes back: templates list follow-ups from basic to deep.
 */
public enum Seniority {
    JUNIOR,
    MID,
    SENIOR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name people read: "Mid-level". */
    public String label() {
        return switch (this) {
            case JUNIOR -> "Junior";
            case MID -> "Mid-level";
            case SENIOR -> "Senior";
        };
    }

    public static Optional<Seniority> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(id.strip())).findFirst();
    }

    /** Relative weight of a category in a tech screening or full loop at this level. */
    public double weight(Category c) {
        return WEIGHTS.get(this).getOrDefault(c, 1.0);
    }

    private static final Map<Seniority, Map<Category, Double>> WEIGHTS = new EnumMap<>(Seniority.class);

    static {
        Map<Category, Double> junior = new EnumMap<>(Category.class);
        junior.put(Category.API_DESIGN, 2.0);
        junior.put(Category.DATABASES, 2.0);
        junior.put(Category.LANGUAGE_RUNTIME, 2.0);
        junior.put(Category.CODING, 1.5);
        junior.put(Category.SYSTEM_DESIGN, 0.5);
        junior.put(Category.DISTRIBUTED_SYSTEMS, 0.3);
        junior.put(Category.RELIABILITY_OPS, 0.5);
        Map<Category, Double> mid = new EnumMap<>(Category.class);
        mid.put(Category.API_DESIGN, 1.5);
        mid.put(Category.DATABASES, 1.5);
        mid.put(Category.CACHING, 1.5);
        mid.put(Category.CODING, 0.7);
        Map<Category, Double> senior = new EnumMap<>(Category.class);
        senior.put(Category.SYSTEM_DESIGN, 2.0);
        senior.put(Category.DISTRIBUTED_SYSTEMS, 2.0);
        senior.put(Category.RELIABILITY_OPS, 1.5);
        senior.put(Category.BEHAVIORAL, 1.5);
        senior.put(Category.CODING, 0.5);
        senior.put(Category.LANGUAGE_RUNTIME, 0.7);
        WEIGHTS.put(JUNIOR, junior);
        WEIGHTS.put(MID, mid);
        WEIGHTS.put(SENIOR, senior);
    }
}
