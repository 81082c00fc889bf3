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
                        || COMPARED.contains(next);
                if (!verbOrComparison) {
                    counts.merge("like", 1, Integer::sum);
                }
            } else if (SINGLE.contains(word)) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** "I mean" is a filler at the start of a thought, not in "what I mean is". */
    private static boolean isClauseStart(List<String> w, int i) {
        return i == 0 || !Set.of("what", "that", "which").contains(w.get(i - 1));
    }

    public static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
