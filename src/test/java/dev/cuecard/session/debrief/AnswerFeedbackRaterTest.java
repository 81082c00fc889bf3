package dev.cuecard.session.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.Category;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerFeedbackRaterTest {
    private final AnswerFeedbackRater rater = new AnswerFeedbackRater(AsrVocabulary.empty());

    @Test
    void keyPointsMatchRecogniserTextWithSlipsAndOtherWordForms() {
        AnswerFeedback f = rater.rate("we would use optimistic lacking with a version column and retries "
                        + "then idempotency keys so a retried request is not applied twice",
                Category.CONCURRENCY, List.of("Optimistic locking with a version number", "Idempotent retries",
                        "Two-phase commit across services"));
        assertThat(f.keyPoints()).extracting(KeyPointCoverage::covered).containsExactly(true, true, false);
        assertThat(f.keyPoints().get(0).matchedTerms()).contains("optimistic", "locking", "version");
    }

    @Test
    void anAnswerWithoutStructureOrSpecificsSaysSo() {
        AnswerFeedback f = rater.rate("it depends on many things really", Category.SYSTEM_DESIGN, List.of());
        assertThat(f.structure().complete()).isFalse();
        assertThat(f.structure().missing()).containsExactly("claim", "reasoning", "trade-off");
        assertThat(f.specific()).isFalse();
        assertThat(f.keyPoints()).isEmpty();
    }

    @Test
    void partsOutOfOrderAreNotACompleteStructure() {
        AnswerFeedback f = rater.rate("the downside is cost but i would pick postgres because it is simple",
                Category.DATABASES, List.of());
        assertThat(f.structure().missing()).isEmpty();
        assertThat(f.structure().inOrder()).isFalse();
        assertThat(f.structure().complete()).isFalse();
    }
}
