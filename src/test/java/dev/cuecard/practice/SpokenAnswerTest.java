package dev.cuecard.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.WavFileSource;
import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.testing.SpeechFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A recorded answer through the real pipeline and Vosk scores close to its typed text. */
class SpokenAnswerTest {
    static Path wav(String name) throws Exception {
        return Path.of(SpokenAnswerTest.class.getResource("/practice/" + name + ".wav").toURI());
    }

    @Test
    void recordedAnswersScoreCloseToTheirTypedText() throws Exception {
        TemplateLibrary templates = TemplateLibrary.shipped();
        AnswerScorer scorer = AnswerScorer.shipped();
        CalibrationSet set = CalibrationSet.load();
        for (String name : new String[] {"rate-limiter.mediocre", "cache-stampede.weak"}) {
            String id = name.substring(0, name.indexOf('.'));
            CalibrationSet.Item item = set.items().stream().filter(i -> i.template().equals(id)).findFirst().orElseThrow();
            String typedText = name.endsWith("weak") ? item.weak() : item.mediocre();
            Template t = templates.get(id).orElseThrow();
            Answer spoken = WavAnswers.recognise(SpeechFixtures.model(), new WavFileSource(wav(name), Double.POSITIVE_INFINITY));
            assertThat(spoken.spoken()).isTrue();
            assertThat(spoken.wordCount()).as(name).isBetween((int) (0.8 * Answer.typed(typedText).wordCount()),
                    (int) (1.2 * Answer.typed(typedText).wordCount()));
            AnswerScore s = scorer.score(t, spoken);
            assertThat(s.dimension(Dimension.PACE).score()).as("measured on speech").isPresent();
            assertThat(s.total()).as(name).isCloseTo(scorer.score(t, Answer.typed(typedText)).total(),
                    org.assertj.core.data.Offset.offset(1.0));
        }
    }
}
