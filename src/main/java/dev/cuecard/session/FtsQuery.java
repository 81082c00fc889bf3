package dev.cuecard.session;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns what the user typed into an FTS5 query: every word must occur (AND). Words are quoted, so
 * FTS5 operators and punctuation in the input never reach the query parser.
 */
final class FtsQuery {
    private FtsQuery() {
    }

    static Optional<String> of(String typed) {
        String q = Arrays.stream(typed.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .map(w -> "\"" + w + "\"")
                .collect(Collectors.joining(" "));
        return q.isEmpty() ? Optional.empty() : Optional.of(q);
    }
}
