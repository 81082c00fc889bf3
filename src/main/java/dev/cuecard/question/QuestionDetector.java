package dev.cuecard.question;

import java.util.List;
import java.util.Set;

/**
 * The question cues of recogniser text — how the sentence is built: a question starter after any
 * preamble, a question phrase anywhere, small talk — which the category model weighs with the
 * topic evidence ({@link UtteranceFeatures}), and the fewest words a question has.
 */
public final class QuestionDetector {
    /** Fewer words than this is an acknowledgement, not a question — but for a {@link #shortDirective}. */
    static final int MIN_WORDS = 3;
    /** Verbs that make two words a whole question: "design uber", "explain sharding". */
    private static final Set<String> DIRECTIVES = Set.of("design", "explain", "define", "implement", "architect",
            "describe", "compare");
    /**
     * Second words that leave such a directive about nothing in particular ("explain that", "design
     * question") or only open the rest of it ("design a …", the start of a longer question as heard):
     * the words that say nothing about a topic, and these.
     */
    private static final Set<String> VAGUE = Set.of("again", "please", "yourself", "anything", "everything", "round",
            "part", "exercise", "interview", "problem");

    /** What the detector saw. */
    public record Cues(boolean cue, boolean smallTalk, int words, List<String> opening) {
    }

    private final QuestionCues cues;

    public QuestionDetector() {
        this(QuestionCues.shipped());
    }

    QuestionDetector(QuestionCues cues) {
        this.cues = cues;
    }

    /** The phrase lists this detector reads (for the category model's training hash). */
    QuestionCues phrases() {
        return cues;
    }

    public Cues cues(String normalized) {
        List<String> words = TextNormalizer.words(normalized);
        String padded = " " + normalized + " ";
        int start = 0;
        while (start < words.size() && cues.preamble().contains(words.get(start))) {
            start++;
        }
        String afterPreamble = " " + String.join(" ", words.subList(start, words.size())) + " ";
        boolean cue = cues.starters().stream().anyMatch(s -> afterPreamble.startsWith(s) || padded.startsWith(s))
                || cues.anywhere().stream().anyMatch(padded::contains);
        boolean smallTalk = cues.smallTalk().stream().anyMatch(padded::contains);
        List<String> opening = words.subList(start, Math.min(words.size(), start + 2));
        return new Cues(cue, smallTalk, words.size(), List.copyOf(opening));
    }

    /**
     * Two words that are a whole question: a directive verb and what it is about ("design uber").
     * Interviewers do open a round this way; anything else of two words is an acknowledgement.
     */
    static boolean shortDirective(List<String> words) {
        return words.size() == 2 && DIRECTIVES.contains(words.get(0))
                && !TextNormalizer.STOPWORDS.contains(words.get(1)) && !VAGUE.contains(words.get(1));
    }

    static boolean shortDirective(Cues c) {
        return c.words() == 2 && shortDirective(c.opening());
    }
}
