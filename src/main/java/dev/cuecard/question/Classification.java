package dev.cuecard.question;

import java.util.Optional;

/**
 * What one utterance is.
 *
 * @param category   {@link Category#NONE} for non-questions
 * @param template   the best template for a question
 * @param confidence 0..1: for a question, the estimated chance the category is right; for NONE, the
 *                   chance it really is not a question
 * @param score      the raw topic score of the best template, for diagnostics
 */
public record Classification(String text, boolean isQuestion, Category category, Optional<Template> template,
                             double confidence, double score) {

    public String templateId() {
        return template.map(Template::id).orElse(null);
    }
}
