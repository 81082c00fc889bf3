package dev.cuecard.hint;

import dev.cuecard.question.Classification;
import java.util.List;

/**
 * What a drafter needs for one question.
 *
 * @param question     the question as heard, with its category and template
 * @param templateHint the card already shown, which the draft builds on
 * @param recent       the recent conversation of both channels, oldest first
 */
public record DraftRequest(Classification question, Hint templateHint, List<ConversationLine> recent) {
    public DraftRequest {
        recent = List.copyOf(recent);
    }
}
