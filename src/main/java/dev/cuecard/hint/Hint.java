package dev.cuecard.hint;

import dev.cuecard.question.Category;
import dev.cuecard.question.TemplateCard;
import java.util.List;

/**
 * The structured cue card for one question, from a template or an LLM (same shape either way).
 *
 * @param question   the question as heard
 * @param templateId the template it was matched to (null when none fits)
 */
public record Hint(String question, Category category, String templateId, HintSource source, String title,
                   String gist, List<String> structure, List<String> keyPoints, List<String> numbers,
                   List<String> pitfalls, List<String> followUps) {
    public Hint {
        structure = List.copyOf(structure);
        keyPoints = List.copyOf(keyPoints);
        numbers = List.copyOf(numbers);
        pitfalls = List.copyOf(pitfalls);
        followUps = List.copyOf(followUps);
    }

    /** The same hint cut to what a level shows (lists a level does not show are empty). */
    public Hint at(HintLevel level) {
        return switch (level) {
            case ONE_LINE -> new Hint(question, category, templateId, source, title, gist, List.of(), List.of(),
                    List.of(), List.of(), List.of());
            case OUTLINE -> new Hint(question, category, templateId, source, title, gist, structure, List.of(),
                    List.of(), List.of(), List.of());
            case DETAIL -> this;
        };
    }

    /** The same card for the question as heard in full (a card decided early carries the words heard then). */
    public Hint forQuestion(String heard) {
        return new Hint(heard, category, templateId, source, title, gist, structure, keyPoints, numbers, pitfalls,
                followUps);
    }

    static Hint fromCard(String question, Category category, String templateId, HintSource source, String title,
                         TemplateCard card) {
        return new Hint(question, category, templateId, source, title, card.gist(), card.structure(),
                card.keyPoints(), card.numbers(), card.pitfalls(), card.followUps());
    }
}
