package dev.cuecard.hint;

import dev.cuecard.question.Classification;
import java.util.Optional;

/** Turns a detected question into a hint. */
public interface HintEngine {

    /** The hint for a question, or empty when there is nothing to show (not a question). */
    Optional<Hint> hintFor(Classification question);
}
