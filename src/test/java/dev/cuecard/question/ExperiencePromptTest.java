package dev.cuecard.question;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExperiencePromptTest {
    @ParameterizedTest
    @ValueSource(strings = {"tell me about a time you broke production", "so tell me about or time you led a migration",
            "tell me out a time you disagreed", "can you describe a time you pushed back",
            "give me an example of a time you missed a deadline", "can you think of a time when a design failed",
            "walk me through one time you changed your mind", "talk to me about a time you mentored someone"})
    void promptsForAnExperienceAreFound(String text) {
        assertThat(ExperiencePrompt.in(TextNormalizer.normalize(text))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tell me about the time complexity of quicksort", "what is the time to live of a key",
            "how much time does a full table scan take", "tell me about the trade offs of sharding",
            "describe a time series database",
            "describe a situation where adding more threads makes a program slower"})
    void otherTextIsNot(String text) {
        assertThat(ExperiencePrompt.in(TextNormalizer.normalize(text))).isFalse();
    }
}
