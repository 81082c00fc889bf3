package dev.cuecard.question;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClosingLineTest {
    @Test
    void invitationsToAskAndTheEndOfTimeCloseTheQuestions() {
        // typed and as the recogniser writes them (no punctuation, "we're" as "were", a misheard "role")
        assertThat(java.util.List.of(
                "Do you have any questions for me?",
                "any questions for me about the real or the team",
                "great so what questions do you have for us",
                "Is there anything you'd like to ask me?",
                "is there something you want to ask us before we finish",
                "do you have any questions about the company",
                "okay that's all i had thanks a lot",
                "I think we're about out of time",
                "and that brings us to the end of the interview"))
                .allMatch(ClosingLine::isClosing);
    }

    @Test
    void questionsAboutTheProblemAndOrdinaryLinesDoNot() {
        assertThat(java.util.List.of(
                "do you have any questions for me before you start",
                "any clarifying questions for me",
                "do you have any questions about the problem",
                "what questions would you ask the product manager",
                "I have a few more questions for you",
                "can you wrap up in a minute",
                "how would you design a rate limiter",
                "okay that makes sense"))
                .noneMatch(ClosingLine::isClosing);
    }
}
