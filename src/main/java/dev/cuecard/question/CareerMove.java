package dev.cuecard.question;

import java.util.regex.Pattern;

/**
 * A question about a move the candidate made — "you moved from frontend to backend a couple of years ago, what
 * prompted that?", "you've been in gaming your whole career, why the move into e-commerce?" — is about their own
 * past, so behavioural; but its words are the words of the interviewer describing a team ("backend", "gaming"),
 * and the model read some as small talk. Only that reading is turned: where the model reads a technical topic
 * ("you switched from polling to websockets, why?" asks about a design choice) it stands. Recogniser text, normalised.
 */
final class CareerMove {
    /** The candidate's move, in the second person: "you moved from …", "you've been in …", "you left …". */
    private static final Pattern MOVE = Pattern.compile("(?:^| )(?:you|youve|you have|you had|youd|your) (?:\\w+ ){0,2}?"
            + "(?:moved|move|switched|switch|went|jumped|transitioned|pivoted|shifted|changed|left|leaving|quit|spent"
            + "|took|came|joined|been|stayed|made the|relocat\\w*|career|resume|cv|profile)(?: |$)");
    /** Asking why, or how it came about: "what prompted that?", "why the switch?", "how come?", "what happened?". */
    private static final Pattern MOTIVE = Pattern.compile("(?:^| )(?:what (?:prompted|drove|drew|pulled|pushed|led|made"
            + "|motivated|brought|caused|triggered|was behind|happened|was the reason)|why (?:the|did|was|that|leave|now)"
            + "|why$|how come|(?:was|is) (?:that|it) (?:something|a|planned)|whats the story|what made you)(?: |$)");

    private CareerMove() {
    }

    /** Whether normalised text asks about a move the candidate made. */
    static boolean in(String normalized) {
        return MOVE.matcher(normalized).find() && MOTIVE.matcher(normalized).find();
    }
}
