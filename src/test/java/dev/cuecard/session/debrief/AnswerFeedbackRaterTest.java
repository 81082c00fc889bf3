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

    /**
     * The README's practice screenshot: "I traced the slow calls, proposed a cache … and built it" was
     * graded "STAR, missing action" and advised to say "I proposed…, I built…".
     */
    @Test
    void whatTheCandidateSaysTheyDidInAnyPastTenseIsTheAction() {
        StructureCheck told = AnswerFeedbackRater.structure("at my last job our checkout service kept timing out and my "
                + "task was to find out why i traced the slow calls and added a cache as a result latency fell",
                Category.BEHAVIORAL);
        assertThat(told.missing()).isEmpty();
        assertThat(told.parts().get(2).cue()).isEqualTo("i traced");
        assertThat(AnswerFeedbackRater.structure("at my last job my task was to fix it i then migrated the queue "
                + "in the end it worked", Category.BEHAVIORAL).missing()).isEmpty();
        // needs, wishes and what the team did are not the candidate's action
        for (String notAnAction : List.of("i needed a fix", "i wanted a cache", "we rewrote the service",
                "i learned a lot")) {
            assertThat(AnswerFeedbackRater.structure("at my last job my task was to fix it " + notAnAction
                    + " in the end it worked", Category.BEHAVIORAL).missing()).as(notAnAction).containsExactly("action");
        }
    }

    /** Present tenses that end in "ed" ("i need…", "i feed…") are no more a past action than "i needed". */
    @Test
    void aPresentTenseEndingInEdIsNotTheAction() {
        for (String notAnAction : List.of("i need to make sure everyone is heard", "i feed the data into a doc",
                "i proceed step by step", "i embed the numbers", "i exceed the budget")) {
            assertThat(AnswerFeedbackRater.structure("at my last job my task was to fix it " + notAnAction
                    + " in the end it worked", Category.BEHAVIORAL).missing()).as(notAnAction).containsExactly("action");
        }
        assertThat(AnswerFeedbackRater.structure("at my last job my task was to fix it i agreed a plan with them "
                + "in the end it worked", Category.BEHAVIORAL).missing()).isEmpty();
    }
}
