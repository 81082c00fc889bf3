package dev.cuecard.question;

import java.util.List;

/**
 * A topic template: how to recognise a question about it and the card to show.
 *
 * @param triggers varied phrasings of the question as recogniser text
 * @param keywords distinctive technical terms of the topic
 * @param source   where it was loaded from (resource or user file), for messages
 */
public record Template(String id, Category category, String title, List<String> triggers, List<String> keywords,
                       TemplateCard card, String source) {
    public Template {
        triggers = List.copyOf(triggers);
        keywords = List.copyOf(keywords);
    }

    /**
     * The id's hash: equal templates have equal ids, so this agrees with the record's equals, and a
     * map lookup no longer hashes every trigger and line of the card (templates are map keys in
     * every classification).
     */
    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(id);
    }
}
