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
}
