package dev.cuecard.question;

import java.util.List;

/**
 * Tells interview questions and directives from small talk, logistics and acknowledgements, on
 * recogniser text. Combines question cues (how the sentence is built) with topic evidence (how
 * strongly it matches a template): small talk vetoes only weak topic evidence, so "great that makes
 * sense so how would you shard this" is still a question.
 */
public final class QuestionDetector {
    /** Topic score that is a question even without a cue ("cap theorem trade offs for a bank"). */
    static final double STRONG_TOPIC = 0.55;
    /** Topic score enough when a cue is present and no small talk. */
    static final double WEAK_TOPIC = 0.20;
    /** Topic score enough with a cue even beside small talk. */
    static final double MIXED_TOPIC = 0.40;
    /** Fewer words than this is an acknowledgement, not a question. */
    static final int MIN_WORDS = 3;

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

    /** Decides from the cues and the best topic score. */
    public boolean isQuestion(Cues c, double topicScore) {
        if (c.words() < MIN_WORDS) {
            return false;
        }
        if (c.smallTalk()) {
            return (c.cue() && topicScore >= MIXED_TOPIC) || topicScore >= STRONG_TOPIC + 0.15;
        }
        return topicScore >= STRONG_TOPIC || (c.cue() && topicScore >= WEAK_TOPIC);
    }
}
