package dev.cuecard.session.debrief;

import java.util.List;

/**
 * Offline feedback on one answer.
 *
 * @param numbers  figures said (digits, number words, units)
 * @param examples phrases that introduce a concrete example
 */
public record AnswerFeedback(List<KeyPointCoverage> keyPoints, StructureCheck structure, List<String> numbers,
                             List<String> examples) {
    public AnswerFeedback {
        keyPoints = List.copyOf(keyPoints);
        numbers = List.copyOf(numbers);
        examples = List.copyOf(examples);
    }

    public long keyPointsCovered() {
        return keyPoints.stream().filter(KeyPointCoverage::covered).count();
    }

    public boolean specific() {
        return !numbers.isEmpty() || !examples.isEmpty();
    }
}
