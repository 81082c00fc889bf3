package dev.cuecard.question;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The fixed categories of TAXONOMY.md; the ids are a public contract. */
public enum Category {
    SYSTEM_DESIGN,
    API_DESIGN,
    DATABASES,
    CACHING,
    CONCURRENCY,
    DISTRIBUTED_SYSTEMS,
    RELIABILITY_OPS,
    BEHAVIORAL,
    CODING,
    LANGUAGE_RUNTIME,
    /** Not an interview question: no hint. */
    NONE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name people read: "System design" (the id stays the contract). */
    public String label() {
        return switch (this) {
            case SYSTEM_DESIGN -> "System design";
            case API_DESIGN -> "API design";
            case DATABASES -> "Databases";
            case CACHING -> "Caching";
            case CONCURRENCY -> "Concurrency";
            case DISTRIBUTED_SYSTEMS -> "Distributed systems";
            case RELIABILITY_OPS -> "Reliability & operations";
            case BEHAVIORAL -> "Behavioral";
            case CODING -> "Coding";
            case LANGUAGE_RUNTIME -> "Language & runtime";
            case NONE -> "Not a question";
        };
    }

    public static Optional<Category> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }

    /** Categories that carry templates (all but NONE). */
    public static Category[] topics() {
        return Arrays.stream(values()).filter(c -> c != NONE).toArray(Category[]::new);
    }
}
