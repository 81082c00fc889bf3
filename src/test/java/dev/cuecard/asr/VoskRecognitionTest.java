package dev.cuecard.asr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.Channel;
import dev.cuecard.audio.WavFileSource;
import dev.cuecard.pipeline.ChannelInput;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.testing.Recordings;
import dev.cuecard.testing.SpeechFixtures;
import dev.cuecard.testing.WordErrorRate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real bundled model on real (synthesised) speech. */
class VoskRecognitionTest {
    /** Measured 9.4 % over the fixtures (8 errors / 85 words, 2026-11-25); the bound leaves headroom. */
    static final double MAX_CORPUS_WER = 0.15;

    @Test
    void wordErrorRateOverAllFixturesStaysUnderTheMeasuredBound() throws Exception {
        int errors = 0;
        int words = 0;
        StringBuilder report = new StringBuilder();
        for (SpeechFixtures.Fixture f : SpeechFixtures.all()) {
            String heard = Recordings.finalText(new WavFileSource(f.wav(), Double.POSITIVE_INFINITY));
            int e = WordErrorRate.errors(f.text(), heard);
            errors += e;
            words += WordErrorRate.words(f.text()).size();
            report.append(f.name()).append(": ").append(heard).append(" (").append(e).append(" errors)\n");
        }
        double wer = (double) errors / words;
        assertThat(wer).as("corpus WER; transcripts:\n%s", report).isLessThanOrEqualTo(MAX_CORPUS_WER);
    }

    @Test
    void finalResultsCarryWordTimingsInsideTheAudio() throws Exception {
        WavFileSource source = new WavFileSource(SpeechFixtures.wav("tell-me-slt"), Double.POSITIVE_INFINITY);
        List<PipelineEvent> events = Recordings.run(new ChannelInput(Channel.THEM, source));
        List<TranscriptEvent> finals = Recordings.transcripts(events, Channel.THEM, true);
        assertThat(finals).isNotEmpty();
        long audioEnd = events.stream().filter(e -> e instanceof PipelineEvent.Level).mapToLong(PipelineEvent::atMs)
                .max().orElseThrow();
        long previousEnd = 0;
        for (TranscriptEvent f : finals) {
            assertThat(f.words()).isNotEmpty();
            assertThat(String.join(" ", f.words().stream().map(Word::text).toList())).isEqualTo(f.text());
            for (Word w : f.words()) {
                assertThat(w.startMs()).isGreaterThanOrEqualTo(previousEnd - 50);
                assertThat(w.endMs()).isGreaterThan(w.startMs()).isLessThanOrEqualTo(audioEnd);
                previousEnd = w.endMs();
            }
            assertThat(f.startMs()).isEqualTo(f.words().get(0).startMs());
            assertThat(f.endMs()).isEqualTo(f.words().get(f.words().size() - 1).endMs());
        }
        // the fixture has 250 ms of leading silence: the first word cannot start before it
        assertThat(finals.get(0).startMs()).isGreaterThanOrEqualTo(200);
    }

    @Test
    void theInterviewersFinalsCarryTheRecognisersOtherReadingsAndTheCandidatesDoNot() throws Exception {
        int withAlternatives = 0;
        for (SpeechFixtures.Fixture fixture : SpeechFixtures.all()) {
            for (Channel channel : Channel.values()) {
                WavFileSource source = new WavFileSource(fixture.wav(), Double.POSITIVE_INFINITY);
                for (TranscriptEvent f : Recordings.transcripts(Recordings.run(new ChannelInput(channel, source)),
                        channel, true)) {
                    if (channel == Channel.ME) {
                        assertThat(f.alternatives()).isEmpty();
                        continue;
                    }
                    withAlternatives += f.alternatives().isEmpty() ? 0 : 1;
                    assertThat(f.alternatives()).as(f.text()).hasSizeLessThanOrEqualTo(4)
                            .doesNotContain(f.text(), "").doesNotHaveDuplicates();
                    // the words of the first reading, each with the share of readings that heard it
                    assertThat(String.join(" ", f.words().stream().map(Word::text).toList())).isEqualTo(f.text());
                    assertThat(f.words()).allSatisfy(w -> assertThat(w.confidence()).isGreaterThan(0).isLessThanOrEqualTo(1));
                    if (f.alternatives().isEmpty()) {
                        assertThat(f.words()).allSatisfy(w -> assertThat(w.confidence()).isEqualTo(1.0));
                    }
                }
            }
        }
        // the readings differ in a word or two on most fixtures (measured: see the test's output if not)
        assertThat(withAlternatives).isGreaterThan(0);
    }

    @Test
    void partialResultsGrowBeforeTheFinalOne() throws Exception {
        WavFileSource source = new WavFileSource(SpeechFixtures.wav("cache-slt"), Double.POSITIVE_INFINITY);
        List<PipelineEvent> events = Recordings.run(new ChannelInput(Channel.THEM, source));
        List<TranscriptEvent> partials = Recordings.transcripts(events, Channel.THEM, false);
        TranscriptEvent fin = Recordings.transcripts(events, Channel.THEM, true).get(0);
        assertThat(partials).hasSizeGreaterThan(3);
        // a partial already held words of the question well before the final result came
        assertThat(partials.get(0).atMs()).isLessThan(fin.atMs() - 1000);
        assertThat(partials.get(partials.size() - 1).text().split(" ").length)
                .isGreaterThan(partials.get(0).text().split(" ").length);
        // consecutive partials differ (no duplicates flood the listeners)
        for (int i = 1; i < partials.size(); i++) {
            assertThat(partials.get(i).text()).isNotEqualTo(partials.get(i - 1).text());
        }
        // atMs never goes backwards
        long at = 0;
        for (PipelineEvent e : events) {
            if (e instanceof PipelineEvent.Transcript t) {
                assertThat(t.atMs()).isGreaterThanOrEqualTo(at);
                at = t.atMs();
            }
        }
    }
}
