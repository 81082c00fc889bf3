package dev.cuecard.asr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.AudioChunk;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.WavFileSource;
import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.TechnicalTerms;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.testing.SpeechFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grammar spotter with the real bundled model on real (synthesised) speech. */
class KeywordSpotterTest {
    private static final Map<String, String> PHRASES =
            new TechnicalTerms(TemplateLibrary.shipped(), AsrVocabulary.shipped()).spokenForms();

    @Test
    void theBundledModelsWordListIsReadFromItsGraph() {
        ModelVocabulary v = SpeechFixtures.model().vocabulary();
        assertThat(v.size()).isGreaterThan(100_000);
        assertThat(v.canSay("rate limiter")).isTrue();
        assertThat(v.canSay("message queue")).isTrue();
        assertThat(v.contains("kubernetes")).isFalse(); // not in the small model: never put in a grammar
        assertThat(v.canSay("")).isFalse();
    }

    @Test
    void aModelWithoutAReadableWordListGivesAnEmptyVocabularyAndNoSpotter(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("graph"));
        Files.write(dir.resolve("graph").resolve("Gr.fst"), new byte[] {1, 2, 3});
        ModelVocabulary broken = ModelVocabulary.of(dir);
        assertThat(broken.isEmpty()).isTrue();
        assertThat(KeywordSpotter.create(SpeechFixtures.model(), broken, PHRASES)).isEmpty();
        assertThat(ModelVocabulary.fromWordsTxt(List.of("<eps> 0", "cache 1")).canSay("cache")).isTrue();
    }

    @Test
    void hearsTheTechnicalPhrasesTheMainRecognizerMisses() throws Exception {
        // the main recognizer writes "or a limiter" and "message few" for these two fixtures
        assertThat(spot("rate-limiter-slt")).contains("rate limiter");
        assertThat(spot("queue-awb")).contains("message queue");
    }

    @Test
    void smallTalkGivesFewOrNoTerms() throws Exception {
        assertThat(spot("hear-me-slt")).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void termsAreJoinedToTheMainRecognizersUtteranceInTheTranscriptEvents() throws Exception {
        SpeechModel model = SpeechFixtures.model();
        KeywordSpotter spotter = KeywordSpotter.create(model, model.vocabulary(), PHRASES).orElseThrow();
        List<TranscriptEvent> events = new ArrayList<>();
        try (VoskSpeechRecognizer r = new VoskSpeechRecognizer(model, Channel.THEM, spotter)) {
            WavFileSource source = new WavFileSource(SpeechFixtures.wav("rate-limiter-slt"), Double.POSITIVE_INFINITY);
            AudioChunk c;
            while ((c = source.read()) != null) {
                r.accept(c, events::add);
            }
            r.finish(events::add);
            source.close();
        }
        TranscriptEvent fin = events.stream().filter(TranscriptEvent::isFinal).findFirst().orElseThrow();
        assertThat(fin.terms()).contains("rate limiter");
    }

    @Test
    void grammarRecognizersAreMadeAheadAndEachTakenOneHears() throws Exception {
        SpeechModel model = SpeechFixtures.model();
        PreparedRecognizers grammar = new PreparedRecognizers(model.vosk(), "[\"rate limiter\", \"[unk]\"]",
                new dev.cuecard.pipeline.NamedThreadFactory("test-grammar"));
        assertThat(grammar.madeAhead()).isFalse();
        grammar.prepare();
        assertThat(grammar.madeAhead()).isTrue();
        org.vosk.Recognizer first = grammar.take();
        assertThat(grammar.madeAhead()).as("the next one is made ahead as one is taken").isTrue();
        org.vosk.Recognizer second = grammar.take();
        assertThat(second).isNotSameAs(first);
        for (org.vosk.Recognizer r : List.of(first, second)) {
            WavFileSource source = new WavFileSource(SpeechFixtures.wav("rate-limiter-slt"), Double.POSITIVE_INFINITY);
            AudioChunk c;
            while ((c = source.read()) != null) {
                r.acceptWaveForm(c.pcm(), c.pcm().length);
            }
            source.close();
            assertThat(r.getFinalResult()).contains("rate limiter");
            r.close();
        }
        grammar.close();
        assertThat(grammar.madeAhead()).isFalse();
        grammar.prepare();
        assertThat(grammar.madeAhead()).as("nothing is made once closed").isFalse();
    }

    private static List<String> spot(String fixture) throws Exception {
        SpeechModel model = SpeechFixtures.model();
        try (KeywordSpotter spotter = KeywordSpotter.create(model, model.vocabulary(), PHRASES).orElseThrow()) {
            WavFileSource source = new WavFileSource(SpeechFixtures.wav(fixture), Double.POSITIVE_INFINITY);
            AudioChunk c;
            while ((c = source.read()) != null) {
                spotter.accept(c.pcm(), c.endMs());
            }
            spotter.finish();
            source.close();
            return spotter.termsSince(0);
        }
    }
}
