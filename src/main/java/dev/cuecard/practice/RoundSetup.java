package dev.cuecard.practice;

import dev.cuecard.question.Category;
import java.util.Optional;

/**
 * What the candidate chose before a round.
 *
 * @param focus          the category of a drill (empty with {@code weakTopics}: the weakest ones)
 * @param stack          preferred language or stack ("java", "python", "go", "node"), empty for any
 * @param jobDescription pasted job description; its terms weight questions towards what it names
 * @param resume         pasted résumé; weighs in like the job description, at half the weight
 * @param weakTopics     pick categories where past scores are lowest
 * @param questions      how many questions; 0 for the round type's default
 */
public record RoundSetup(RoundType type, Seniority seniority, Optional<Category> focus, Optional<String> stack,
                         String jobDescription, String resume, boolean weakTopics, int questions) {
    public RoundSetup {
        jobDescription = jobDescription == null ? "" : jobDescription;
        resume = resume == null ? "" : resume;
    }

    public static RoundSetup screening(Seniority seniority) {
        return new RoundSetup(RoundType.SCREENING, seniority, Optional.empty(), Optional.empty(), "", "", false, 0);
    }

    /** The next drill: the weakest categories (any category before there is history). */
    public static RoundSetup weakTopicDrill(Seniority seniority) {
        return new RoundSetup(RoundType.DRILL, seniority, Optional.empty(), Optional.empty(), "", "", true, 0);
    }

    public int questionCount() {
        return questions > 0 ? questions : type.defaultQuestions();
    }
}
