package dev.cuecard.asr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.AudioChunk;
import dev.cuecard.audio.Channel;
import dev.cuecard.testing.Pcm;
import dev.cuecard.testing.SpeechFixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Listening paused: the pipeline drops the captured chunks, so the stream jumps. What is heard after
 * the pause is timed on the stream's clock (where the stored questions are), not the recogniser's,
 * which counts only the audio it was fed and would be early by the pause's length.
 */
class SkippedAudioTest {
    @Test
    void wordsAfterAPauseAreTimedOnTheStreamsClock() throws Exception {
        byte[] first = Pcm.toBytes(Pcm.readMono16(SpeechFixtures.wav("rate-limiter-slt")));
        byte[] second = Pcm.toBytes(Pcm.readMono16(SpeechFixtures.wav("cache-slt")));
        long pauseSamples = 8 * 16_000; // 8 s captured while paused, never fed
        List<TranscriptEvent> finals = new ArrayList<>();
        try (VoskSpeechRecognizer r = new VoskSpeechRecognizer(SpeechFixtures.model(), Channel.THEM)) {
            long sample = feed(r, first, 0, finals);
            long resumedAt = sample + pauseSamples;
            feed(r, second, resumedAt, finals);
            r.finish(e -> {
                if (e.isFinal()) {
                    finals.add(e);
                }
            });
            long resumedMs = resumedAt / 16;
            // the question before the pause ends where it was said, when listening resumes (no later audio joins it)
            assertThat(finals).hasSizeGreaterThanOrEqualTo(2);
            assertThat(finals.get(0).text()).contains("design"); // recogniser text: only a word it never misses
            assertThat(finals.get(0).endMs()).isLessThan(resumedMs - 7_000);
            TranscriptEvent after = finals.get(finals.size() - 1);
            assertThat(after.text()).isNotBlank();
            assertThat(after.startMs()).as("after the pause, on the stream's clock").isGreaterThanOrEqualTo(resumedMs)
                    .isLessThan(resumedMs + second.length / 32 + 1);
        }
    }

    @Test
    void aShortDropMovesEveryLaterTimeByItsLength() throws Exception {
        byte[] first = Pcm.toBytes(Pcm.readMono16(SpeechFixtures.wav("rate-limiter-slt")));
        byte[] second = Pcm.toBytes(Pcm.readMono16(SpeechFixtures.wav("cache-slt")));
        long dropSamples = 600 * 16; // 600 ms a busy machine dropped: below the pause that ends an utterance
        List<TranscriptEvent> joined = transcribe(first, second, 0);
        List<TranscriptEvent> dropped = transcribe(first, second, dropSamples);
        // the same audio both times; only the stream's clock jumped (the recogniser's reading of a word may
        // differ between runs — its keyword spotter runs beside it — so the last word is compared, not the text)
        Word lastJoined = lastWord(joined);
        Word lastDropped = lastWord(dropped);
        assertThat(lastDropped.text()).isEqualTo(lastJoined.text());
        assertThat(lastDropped.endMs() - lastJoined.endMs()).as("on the stream's clock, after the drop")
                .isBetween(550L, 650L);
    }

    private static Word lastWord(List<TranscriptEvent> finals) {
        List<Word> words = finals.get(finals.size() - 1).words();
        assertThat(words).isNotEmpty();
        return words.get(words.size() - 1);
    }

    private static List<TranscriptEvent> transcribe(byte[] first, byte[] second, long gapSamples) throws Exception {
        List<TranscriptEvent> finals = new ArrayList<>();
        try (VoskSpeechRecognizer r = new VoskSpeechRecognizer(SpeechFixtures.model(), Channel.THEM)) {
            long sample = feed(r, first, 0, finals);
            feed(r, second, sample + gapSamples, finals);
            r.finish(e -> {
                if (e.isFinal()) {
                    finals.add(e);
                }
            });
        }
        return finals;
    }

    private static long feed(VoskSpeechRecognizer r, byte[] pcm, long startSample, List<TranscriptEvent> finals) {
        int chunk = 3200;
        long sample = startSample;
        for (int at = 0; at < pcm.length; at += chunk) {
            byte[] part = Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + chunk));
            r.accept(new AudioChunk(part, sample), e -> {
                if (e.isFinal()) {
                    finals.add(e);
                }
            });
            sample += part.length / 2;
        }
        return sample;
    }
}
