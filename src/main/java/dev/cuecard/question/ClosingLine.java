package dev.cuecard.question;

import java.util.regex.Pattern;

/**
 * An interviewer's line that closes the questions ("do you have any questions for me?", "we're
 * about out of time"). It is no question for a card, but what the candidate says after it is their
 * own questions and goodbyes, not the answer to the last question asked.
 */
public final class ClosingLine {
    /** Recogniser text, normalised: lower case, apostrophes dropped ("we're" → "were"). */
    private static final Pattern CLOSING = Pattern.compile(String.join("|",
            // "any questions for me", "what questions do you have for us"
            "\\bquestions? (?:(?:do |that )?you (?:might |may )?have )?for (?:me|us)\\b",
            // "anything you'd like to ask me", "is there something you want to ask us"
            "\\b(?:anything|something|questions?) (?:else )?(?:(?:that )?(?:youd|you would|you) (?:like to|want to|wanna) )?"
                    + "ask (?:me|us)\\b",
            "\\bquestions? about (?:the|our) (?:company|role|team|position|job|culture)\\b",
            // "that's all I had", "that's it from my side"
            "\\bthats (?:all|it|everything) (?:the questions )?(?:i have|i had|from me|from my side|on my side"
                    + "|for today|for me)\\b",
            "\\b(?:were|we are) (?:about |almost |just about |pretty much )?(?:out of|at) time\\b",
            "\\bbrings us to the end\\b"));

    /** "Any questions for me before you start?" opens an answer; clarifying questions are part of one. */
    private static final Pattern NOT_CLOSING = Pattern.compile(
            "\\bbefore (?:you|we) (?:start|begin|dive|jump|get|go|design|code|move)|\\bclarifying\\b"
                    + "|\\babout (?:the|this) (?:problem|question|requirements?|design|exercise|task)\\b");

    private ClosingLine() {
    }

    public static boolean isClosing(String text) {
        String t = TextNormalizer.normalize(text);
        return CLOSING.matcher(t).find() && !NOT_CLOSING.matcher(t).find();
    }
}
