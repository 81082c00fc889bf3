package dev.cuecard.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionDetectorTest {
    private final QuestionDetector detector = new QuestionDetector();

    private QuestionDetector.Cues cues(String heard) {
        return detector.cues(TextNormalizer.normalize(heard));
    }

    @Test
    void aFillerHeardAsImIsSkippedLikeUm() {
        // the recogniser writes a spoken "um" as "i'm": the question's own opening must still count
        QuestionDetector.Cues c = cues("i'm where would you look first to speed that pipeline up");
        assertThat(c.cue()).isTrue();
        assertThat(c.opening()).isEqualTo(List.of("where", "would"));
        assertThat(cues("so um where would you look first").opening()).isEqualTo(List.of("where", "would"));
    }

    @Test
    void aQuestionThatReallyOpensWithImStillHasItsCue() {
        assertThat(cues("i'm curious which queue you picked there").cue()).isTrue();
    }

    @Test
    void aStatementAfterAFillerHasNoCue() {
        assertThat(cues("i'm going to grab some water quickly").cue()).isFalse();
        assertThat(cues("um the weather has been lovely lately").cue()).isFalse();
    }
}
