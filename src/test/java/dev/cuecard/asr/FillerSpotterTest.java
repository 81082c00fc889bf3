package dev.cuecard.asr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How heard fillers join the main recognizer's words (the audio side is measured in BENCHMARKS.md). */
class FillerSpotterTest {
    @Test
    void aFillerReplacesTheFunctionWordItWasMistakenForFillsAGapAndNeverReplacesAContentWord() {
        List<Word> main = List.of(new Word("i'm", 1000, 1200, 0.6), new Word("i", 1300, 1400, 1), new Word("would", 1400, 1700, 1),
                new Word("use", 2600, 2800, 1), new Word("about", 3000, 3300, 1), new Word("ten", 3300, 3500, 1));
        List<Word> fillers = List.of(new Word("um", 1000, 1150, 0.9), new Word("uh", 2000, 2200, 0.95),
                new Word("uh", 3000, 3100, 0.9));
        assertThat(FillerSpotter.merge(main, fillers)).extracting(Word::text)
                .containsExactly("um", "i", "would", "uh", "use", "about", "ten");
    }

    @Test
    void fillersOutsideTheUtteranceAreNotInvented() {
        List<Word> main = List.of(new Word("yes", 5000, 5300, 1));
        assertThat(FillerSpotter.merge(main, List.of(new Word("um", 1000, 1100, 0.9)))).extracting(Word::text)
                .containsExactly("yes");
    }
}
