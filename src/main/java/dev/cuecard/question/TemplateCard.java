package dev.cuecard.question;

import java.util.List;

/**
 * The offline cue card of a template: what a strong answer contains.
 *
 * @param gist      one line: the core of a strong answer
 * @param structure ordered steps of the answer
 * @param keyPoints what the answer must cover
 * @param numbers   concrete figures and examples worth saying
 * @param pitfalls  common mistakes
 * @param followUps what the interviewer is likely to ask next
 */
public record TemplateCard(String gist, List<String> structure, List<String> keyPoints, List<String> numbers,
                           List<String> pitfalls, List<String> followUps) {
    public TemplateCard {
        structure = List.copyOf(structure);
        keyPoints = List.copyOf(keyPoints);
        numbers = List.copyOf(numbers);
        pitfalls = List.copyOf(pitfalls);
        followUps = List.copyOf(followUps);
    }
}
