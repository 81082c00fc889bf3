package dev.cuecard.hint;

import java.util.Optional;

/** How a draft ended. A drafter never throws: every failure is a {@link Failed} with a short status. */
public sealed interface DraftOutcome {

    /** The complete hint, with the tokens it cost when the endpoint said. */
    record Drafted(Hint hint, Optional<TokenUsage> usage) implements DraftOutcome {
    }

    /** The template hint stays; {@code status} is short and for the user ("LLM unreachable"). */
    record Failed(String status) implements DraftOutcome {
    }

    /** A newer question took over. */
    record Cancelled() implements DraftOutcome {
    }
}
