package dev.cuecard.question;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A lead-in that only announces the question is read apart from it; anything else is left as it was said. */
class LeadInTest {
    private static final QuestionCues CUES = QuestionCues.shipped();

    private static String stripped(String text) {
        return LeadIn.stripped(TextNormalizer.normalize(text), CUES);
    }

    @Test
    void theQuestionAfterALeadInIsReadWithoutIt() {
        assertThat(stripped("Let's start easy, what's a deadlock?")).isEqualTo("whats a deadlock");
        assertThat(stripped("okay so to warm up give me the short version of your background"))
                .isEqualTo("give me the short version of your background");
        assertThat(stripped("First up, how does a bloom filter answer no for sure?"))
                .isEqualTo("how does a bloom filter answer no for sure");
        assertThat(stripped("let's kick things off with an easy one explain what an index is"))
                .isEqualTo("explain what an index is");
    }

    @Test
    void aLeadInNamingTheTopicOrWithNoQuestionAfterItStays() {
        // the topic word is not the lead-in's: "caching" must stay in what is read
        assertThat(stripped("let's start with caching how would you invalidate"))
                .isEqualTo("lets start with caching how would you invalidate");
        assertThat(stripped("okay let's get started")).isEqualTo("okay lets get started");
        assertThat(stripped("let's start easy, why")).isEqualTo("lets start easy why");
        assertThat(stripped("what's a deadlock")).isEqualTo("whats a deadlock");
    }

    @Test
    void aShortQuestionAfterALeadInGetsItsCard() {
        UtteranceClassifier c = UtteranceClassifier.shipped();
        assertThat(c.classify("let's start easy, what's a deadlock").category()).isEqualTo(Category.CONCURRENCY);
        assertThat(c.classify("first up what is a deadlock").category()).isEqualTo(Category.CONCURRENCY);
    }
}
