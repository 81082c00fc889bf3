package dev.cuecard.question;

import java.util.regex.Pattern;

/**
 * The taxonomy's tie-break "a 'tell me about a time…' question is always {@code behavioral}, whatever
 * its technical subject" (docs/TAXONOMY.md), as a rule: a question about the candidate's own
 * past that names a cache or a schema still reads as that topic to the learned model (seen: "tell
 * me about a time an in-memory cache you built served stale data" carded as caching at 0.84).
 * Matches the prompt as the recogniser writes it too: the small model hears "a time" as "the
 * time", "that time", "or time" or "your time", and "about" as "out". "The time complexity" is not
 * a prompt, nor is "describe a situation where…", which asks for a hypothetical as often as a memory.
 */
final class ExperiencePrompt {
    private static final Pattern PROMPT = Pattern.compile(
            "(?:^| )(?:"
                    + "(?:tell|talk to) (?:me|us) (?:about|out|of) (?:a|an|the|that|your|or|one|some) (?:time|occasion)(?! complexit)"
                    + "|(?:describe|share|recall|remember) (?:a|an|one) (?:time|occasion) (?:when|where|you|that)"
                    + "|(?:an?|one) example of (?:a|one) time"
                    + "|think of (?:a|an|one) (?:time|occasion) (?:when|where|you|that)"
                    + "|walk (?:me|us) through (?:a|one) time"
                    + ")(?: |$)");

    private ExperiencePrompt() {
    }

    /** Whether normalised text ({@link TextNormalizer#normalize}) asks for an experience. */
    static boolean in(String normalized) {
        return PROMPT.matcher(normalized).find();
    }
}
