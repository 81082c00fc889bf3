package dev.cuecard.question;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The interviewer playing the candidate's answer back ("so what you're saying is you'd put the cache
 * in front of the database — got it", "just to recap, you'd shard by tenant"): it names the answer's
 * topic as strongly as a question would, but asks nothing, so it gets no card — unless a question
 * follows in the same breath ("… how would you rebalance then?"). Recogniser text, normalised:
 * apostrophes dropped ("youre").
 */
final class Restatement {
    private static final Pattern OPENING = Pattern.compile("^(?:"
            + "(?:so )?what (?:youre|you are|your|you were) saying"
            + "|if i (?:understand|understood|get|got) (?:you |that |it )?(?:correctly|right)"
            + "|(?:so |just )?to (?:summari[sz]e|recap|sum up)"
            + "|let me (?:make sure i (?:understand|got (?:that|it))|play (?:that|it) back|repeat (?:that|it) back)"
            + "|just to make sure i (?:understand|got (?:that|it))"
            + ")(?: |$)");

    private Restatement() {
    }

    /**
     * Whether normalised text opens, after the detector's preamble words, with a restatement and no
     * question phrase follows in it.
     */
    static boolean in(String normalized, QuestionCues cues) {
        List<String> words = TextNormalizer.words(normalized);
        int start = 0;
        while (start < words.size() && cues.preamble().contains(words.get(start))) {
            start++;
        }
        // from any word of the preamble on: its words include some of the openings' ("so", "to")
        for (int from = 0; from <= start; from++) {
            String rest = String.join(" ", words.subList(from, words.size()));
            if (OPENING.matcher(rest).find()) {
                String padded = " " + rest + " ";
                return cues.anywhere().stream().noneMatch(padded::contains);
            }
        }
        return false;
    }
}
