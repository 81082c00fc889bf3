package dev.cuecard.hint;

import dev.cuecard.question.Category;
import dev.cuecard.question.Classification;
import dev.cuecard.question.Template;
import java.util.Optional;

/** The offline hint: the matched template's card, at once. */
public final class TemplateHintEngine implements HintEngine {
    private static final dev.cuecard.question.TemplateCard GENERAL = new dev.cuecard.question.TemplateCard(
            "Clarify the question, answer in one sentence, then reason and name the trade-off.",
            java.util.List.of("Restate or clarify what is asked", "Give your answer in one sentence",
                    "Explain the reasoning with one concrete example", "Name the trade-off or the alternative",
                    "Say what you would measure or check"),
            java.util.List.of("Ask one clarifying question if the scope is unclear",
                    "Lead with the conclusion, then support it"),
            java.util.List.of(), java.util.List.of("Rambling before reaching the point"), java.util.List.of());

    /** A generic card for a question no template matches (only when the user asked for a hint). */
    public static Hint general(String question) {
        return Hint.fromCard(question, Category.NONE, null, HintSource.TEMPLATE, "General answer shape", GENERAL);
    }

    @Override
    public Optional<Hint> hintFor(Classification q) {
        if (!q.isQuestion() || q.category() == Category.NONE) {
            return Optional.empty();
        }
        if (q.template().isEmpty()) {
            // a question of a known kind that no template covers: the general answer shape
            Hint g = general(q.text());
            return Optional.of(new Hint(q.text(), q.category(), null, HintSource.TEMPLATE, g.title(), g.gist(),
                    g.structure(), g.keyPoints(), g.numbers(), g.pitfalls(), g.followUps()));
        }
        Template t = q.template().get();
        return Optional.of(Hint.fromCard(q.text(), q.category(), t.id(), HintSource.TEMPLATE, t.title(), t.card()));
    }
}
