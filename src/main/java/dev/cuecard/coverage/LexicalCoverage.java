package dev.cuecard.coverage;

import dev.cuecard.question.TextNormalizer;
import dev.cuecard.text.EditDistance;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words of a key point found in an answer. Recogniser text has no punctuation and mishears
 * terms, so words match on light stems, prefixes and one-letter slips.
 */
public final class LexicalCoverage {
    private LexicalCoverage() {
    }

    /**
     * The key point's content words said, and whether enough were: 1 of a key point's 1–2 words,
     * or 40 % (at least 2) of a longer one's.
     *
     * @param said the answer's words and their stems
     */
    public record Match(List<String> matched, int contentWords, boolean covered) {
        public Match {
            matched = List.copyOf(matched);
        }

        /** Share of the key point's content words said (0 when it has none). */
        public double fraction() {
            return contentWords == 0 ? 0 : matched.size() / (double) contentWords;
        }
    }

    /** The words and stems of an (already normalised, vocabulary-mapped) answer. */
    public static Set<String> said(List<String> words) {
        Set<String> said = new LinkedHashSet<>();
        for (String w : words) {
            said.add(w);
            said.addAll(TextNormalizer.terms(w));
        }
        return said;
    }

    public static Match match(String keyPoint, Set<String> said) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : TextNormalizer.words(TextNormalizer.normalize(keyPoint))) {
            if (w.length() >= 3 && !TextNormalizer.terms(w).isEmpty()) {
                words.add(w);
            }
        }
        List<String> matched = words.stream().filter(w -> {
            String stem = TextNormalizer.terms(w).get(0);
            return said.stream().anyMatch(s -> similar(w, s) || similar(stem, s));
        }).toList();
        int required = words.size() <= 2 ? 1 : Math.max(2, (int) Math.ceil(0.4 * words.size()));
        return new Match(matched, words.size(), !words.isEmpty() && matched.size() >= required);
    }

    /**
     * Same word; one a prefix of the other ("cach"/"caching", "invalid"/"invalidate"); or, for
     * words of 5+ letters, one letter apart, as the recogniser slips ("locking"/"lacking").
     */
    public static boolean similar(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int shorter = Math.min(a.length(), b.length());
        if (shorter >= 4 && (a.startsWith(b) || b.startsWith(a)) && Math.abs(a.length() - b.length()) <= 3) {
            return true;
        }
        return shorter >= 5 && Math.abs(a.length() - b.length()) <= 1 && EditDistance.between(a, b) <= 1;
    }
}
