package dev.cuecard.asr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.pipeline.NamedThreadFactory;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A model of its own (the shared fixture model stays open), closed as the desktop app quits. */
class SpeechModelCloseTest {
    @Test
    void nothingIsMadeFromAClosedModel() throws Exception {
        SpeechModel model = SpeechModel.locateAndLoad(Optional.empty(), new NamedThreadFactory("close-test"));
        model.close();
        // the desktop app readies the keyword spotter once the classifier is ready: quit within the first
        // seconds, that came after the model was freed and the JVM crashed in Vosk (SIGSEGV, hs_err file)
        KeywordSpotter.prepare(model, Map.of("rate limiter", "rate limiter", "cache", "cache"));
        model.prepareRecognizer();
        assertThat(model.grammars()).allSatisfy(g -> assertThat(g.madeAhead()).isFalse());
        assertThat(model.grammars()).as("the keyword spotter's grammar was asked for").isNotEmpty();
        assertThat(model.plain().madeAhead()).isFalse();
    }
}
