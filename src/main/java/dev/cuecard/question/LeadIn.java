package dev.cuecard.question;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words that only announce the next question — "let's start easy", "to warm up", "first up", "for
 * starters", "a quick one" — before the question itself opens ("… what's a deadlock?", "… give me the short
 * version of your background"). Read with them, the question weighs less than it is: "let's start" is how
 * logistics talk, and the question word no longer opens the line. Recogniser text, normalised.
 */
final class LeadIn {
    /** The announcing phrase, after any filler ("okay so let's start …"). */
    private static final Pattern OPENING = Pattern.compile("^(?:(?:okay|ok|so|alright|right|um|uh|well|now) )*(?:"
            + "(?:lets|let us) (?:start|begin|kick|warm|ease|open|get started|get going)"
            + "|to (?:start|begin|kick|warm|ease|open)|starting|first (?:up|off|things first)|for starters"
            + "|(?:an? )?(?:easy|quick|simple|short|warm up) (?:one|question)"
            + ")(?: |$)");
    /** Words that may follow the phrase before the question opens ("let's kick things off with an easy one"). */
    private static final Set<String> ANNOUNCING = Set.of("easy", "simple", "light", "gently", "slow", "off", "up",
            "things", "with", "a", "an", "something", "quick", "short", "one", "question", "warm", "in", "into",
            "it", "then", "now", "okay", "ok", "so", "here", "heres", "the", "basics", "fundamentals", "little",
            "bit", "classic", "fun", "easier", "gentle");
    /** Most words skipped after the phrase. */
    private static final int MOST_ANNOUNCING = 6;

    private LeadIn() {
    }

    /**
     * The question after a lead-in, when one opens right after it with a question starter ("what", "how", "give
     * me", "explain", …) and has at least {@link QuestionDetector#MIN_WORDS} words; otherwise the text unchanged
     * ("let's start with caching …" keeps its topic word, "let's get started" has no question after it).
     */
    static String stripped(String normalized, QuestionCues cues) {
        Matcher m = OPENING.matcher(normalized);
        if (!m.find()) {
            return normalized;
        }
        List<String> rest = TextNormalizer.words(normalized.substring(m.end()));
        for (int skip = 0; skip <= Math.min(MOST_ANNOUNCING, rest.size()); skip++) {
            List<String> question = rest.subList(skip, rest.size());
            String padded = " " + String.join(" ", question) + " ";
            if (question.size() >= QuestionDetector.MIN_WORDS && cues.starters().stream().anyMatch(padded::startsWith)) {
                return String.join(" ", question);
            }
            if (skip < rest.size() && !ANNOUNCING.contains(rest.get(skip))) {
                return normalized;
            }
        }
        return normalized;
    }
}
