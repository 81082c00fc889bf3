package dev.cuecard.ui;

import dev.cuecard.practice.RoundType;
import dev.cuecard.practice.Seniority;
import dev.cuecard.question.Category;
import dev.cuecard.session.SessionKind;

/** The words the windows show for the engine's enums: "System design", never SYSTEM_DESIGN or "system_design". */
public final class Labels {
    private Labels() {
    }

    public static String category(Category c) {
        return c.label();
    }

    public static String roundType(RoundType t) {
        return switch (t) {
            case SCREENING -> "Screening (10 questions, mixed)";
            case DRILL -> "Drill (5 questions, weakest topic)";
            case FULL_LOOP -> "Full loop (one per topic)";
        };
    }

    public static String seniority(Seniority s) {
        return s.label();
    }

    public static String sessionKind(SessionKind k) {
        return switch (k) {
            case LIVE -> "Live interview";
            case REPLAY -> "Replayed recording";
            case DEMO -> "Demo interview";
            case PRACTICE -> "Practice round";
        };
    }

    /** A StringConverter for combo boxes of an enum, showing {@code label}. */
    public static <T> javafx.util.StringConverter<T> converter(java.util.function.Function<T, String> label) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
