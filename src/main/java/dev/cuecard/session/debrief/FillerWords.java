package dev.cuecard.session.debrief;

import dev.cuecard.question.TextNormalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts filler words in recogniser text. "like" and "you know" are also real words, so the
 * common non-filler uses are skipped ("I'd like to", "looks like", "do you know").
 */
public final class FillerWords {
    static final Set<String> SINGLE = Set.of("um", "uh", "er", "erm", "ah", "hmm", "mm", "like", "basically",
            "literally");
    private static final Set<String> BEFORE_VERB_OR_COMPARISON_LIKE = Set.of("would", "id", "youd", "wed", "theyd",
            "i", "we", "you", "they", "dont", "didnt", "really", "look", "looks", "looked", "looking", "seem", "seems",
            "feel", "feels", "felt", "sound", "sounds", "something", "anything", "nothing", "things", "just", "more",
            "much");
    /** "a store like Redis" names an example; "metrics like CPU" too (any plural noun, {@link #introducesExamples}). */
    private static final Set<String> KINDS = Set.of("tool", "service", "database", "store", "system", "language",
            "queue", "broker", "cache", "framework", "library", "protocol", "format", "company", "product", "platform",
            "metric", "pattern", "structure", "algorithm", "engine", "cloud", "provider", "team", "project");
    /** Words ending in "s" that are not plural nouns. */
    private static final Set<String> NOT_PLURAL = Set.of("was", "is", "has", "does", "this", "thus", "yes", "its",
            "guess", "less", "unless", "across", "always", "sometimes", "perhaps", "plus", "us", "as", "process",
            "access", "progress", "success", "address", "business", "whereas", "regardless", "anyways", "cus");
    /** "it was like a queue" compares; "it was like really slow" fills. */
    private static final Set<String> COMPARED = Set.of("a", "an", "the", "this", "that");
    private static final Set<String> BEFORE_QUESTION_YOU_KNOW = Set.of("do", "did", "if", "as", "dont", "didnt", "would");

    private FillerWords() {
    }

    /** Filler → count, in order of first use. */
    public static Map<String, Integer> count(String text) {
        List<String> w = TextNormalizer.words(TextNormalizer.normalize(text));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < w.size(); i++) {
            String word = w.get(i);
            String prev = i > 0 ? w.get(i - 1) : "";
            if (word.equals("you") && i + 1 < w.size() && w.get(i + 1).equals("know")) {
                if (!BEFORE_QUESTION_YOU_KNOW.contains(prev)) {
                    counts.merge("you know", 1, Integer::sum);
                }
                i++;
            } else if (word.equals("i") && i + 1 < w.size() && w.get(i + 1).equals("mean") && isClauseStart(w, i)) {
                counts.merge("i mean", 1, Integer::sum);
                i++;
            } else if (word.equals("like")) {
                String next = i + 1 < w.size() ? w.get(i + 1) : "";
                boolean verbOrComparison = BEFORE_VERB_OR_COMPARISON_LIKE.contains(prev) || next.equals("to")
                        || COMPARED.contains(next) || introducesExamples(prev);
                if (!verbOrComparison) {
                    counts.merge("like", 1, Integer::sum);
                }
            } else if (SINGLE.contains(word)) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** "like" after a plural noun or a kind of thing means "such as" ("metrics like CPU", "a store like Redis"). */
    private static boolean introducesExamples(String prev) {
        return KINDS.contains(prev) || (prev.length() > 3 && prev.endsWith("s") && !prev.endsWith("ss")
                && !NOT_PLURAL.contains(prev));
    }

    /** "I mean" is a filler at the start of a thought, not in "what I mean is". */
    private static boolean isClauseStart(List<String> w, int i) {
        return i == 0 || !Set.of("what", "that", "which").contains(w.get(i - 1));
    }

    public static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
