package dev.cuecard.question;

/** How well an utterance matches one template (higher is better; roughly 0..1.3). */
public record TopicMatch(Template template, double score) {
}
