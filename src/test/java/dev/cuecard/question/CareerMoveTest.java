package dev.cuecard.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A question about a move the candidate made is behavioural, where the model read it as small talk only. */
class CareerMoveTest {
    @Test
    void aMoveAndAQuestionWhyAskAboutTheCandidatesPast() {
        assertThat(List.of(
                "you moved from support into engineering last year what prompted that",
                "youve spent six years in banking why the move to retail",
                "you left after ten months how come",
                "you went from a team lead back to writing code was that something you planned"))
                .allMatch(t -> CareerMove.in(TextNormalizer.normalize(t)));
        assertThat(List.of(
                "we moved from a monolith to services last year",
                "you moved from support into engineering last year",
                "why did the deploy fail",
                "what prompted the outage"))
                .noneMatch(t -> CareerMove.in(TextNormalizer.normalize(t)));
    }

    @Test
    void itTurnsOnlyASmallTalkReading() {
        UtteranceClassifier c = UtteranceClassifier.shipped();
        // read as none before: "backend" is how interviewers describe their own team
        assertThat(c.classify("you moved from frontend to backend a couple of years ago what prompted that").category())
                .isEqualTo(Category.BEHAVIORAL);
        // a design choice played back and questioned is no career move (read as caching, or since the val12-val27
        // lines joined the training text as an answer played back: small talk)
        assertThat(c.classify("so you moved the cache in front of the database why").category())
                .isNotEqualTo(Category.BEHAVIORAL);
    }
}
