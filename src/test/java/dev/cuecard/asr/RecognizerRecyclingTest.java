package dev.cuecard.asr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.AudioChunk;
import dev.cuecard.audio.Channel;
import dev.cuecard.testing.Pcm;
import dev.cuecard.testing.SpeechFixtures;
import dev.cuecard.testing.WordErrorRate;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Replacing the recognizer between utterances (issue 14: it keeps every composed graph state while
 * it lives) loses nothing: the same seven utterances, with a replacement after every 5 s of audio
 * and with none, give one final each, at the same times, heard as well.
 */
class RecognizerRecyclingTest {
    private static final List<String> NAMES = List.of("rate-limiter-slt", "tell-me-slt", "cache-slt", "latency-rms",
            "queue-awb", "hear-me-slt", "design-slt");

    @Test
    void aRecognizerReplacedBetweenUtterancesHearsTheSameWords() throws Exception {
        byte[] interview = interview();
        Result recycled = transcribe(interview, "5");
        Result kept = transcribe(interview, "0");
        assertThat(kept.recycled()).isZero();
        assertThat(recycled.recycled()).as("replaced several times in ~40 s").isGreaterThanOrEqualTo(3);
        // as many finals with and without replacement: a replacement never splits or drops an utterance
        assertThat(recycled.finals()).hasSameSizeAs(kept.finals()).hasSizeGreaterThanOrEqualTo(NAMES.size());
        // heard about as well as by the kept one. A fresh recognizer starts without the speaker adaptation the kept
        // one built up, so a few words differ between the two, and which ones depends on the CPU (CI read 5 of 87
        // where this machine reads 3): judged against the script with room for those (~9 words; a dropped utterance
        // is 10-15), not word for word against each other.
        String script = NAMES.stream().map(n -> SpeechFixtures.get(n).text()).collect(Collectors.joining(" "));
        double keptErrors = WordErrorRate.rate(script, String.join(" ", kept.finals()));
        double recycledErrors = WordErrorRate.rate(script, String.join(" ", recycled.finals()));
        assertThat(recycledErrors).as("word error rate against the script; kept: %.3f", keptErrors)
                .isLessThanOrEqualTo(Math.max(keptErrors, 0.05) + 0.10);
        // and at the same times: a fresh recognizer counts from where it started, the stream's clock does not restart
        for (int i = 0; i < kept.starts().size(); i++) {
            assertThat(recycled.starts().get(i)).as("start of final %d", i).isCloseTo(kept.starts().get(i),
                    org.assertj.core.data.Offset.offset(300L));
        }
        assertThat(recycled.starts().get(recycled.starts().size() - 1)).as("the last utterance is ~40 s in")
                .isGreaterThan(30_000L);
    }

    private record Result(List<String> finals, List<Long> starts, int recycled) {
    }

    private static Result transcribe(byte[] pcm, String recycleSeconds) throws Exception {
        String before = System.getProperty(VoskSpeechRecognizer.RECYCLE_PROPERTY);
        System.setProperty(VoskSpeechRecognizer.RECYCLE_PROPERTY, recycleSeconds);
        try (VoskSpeechRecognizer r = new VoskSpeechRecognizer(SpeechFixtures.model(), Channel.THEM)) {
            List<String> finals = new ArrayList<>();
            List<Long> starts = new ArrayList<>();
            int chunk = 3200;
            for (int at = 0; at < pcm.length; at += chunk) {
                byte[] part = Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + chunk));
                r.accept(new AudioChunk(part, at / 2), e -> {
                    if (e.isFinal()) {
                        finals.add(e.text());
                        starts.add(e.startMs());
                    }
                });
            }
            r.finish(e -> {
                finals.add(e.text());
                starts.add(e.startMs());
            });
            return new Result(finals, starts, r.recycled());
        } finally {
            if (before == null) {
                System.clearProperty(VoskSpeechRecognizer.RECYCLE_PROPERTY);
            } else {
                System.setProperty(VoskSpeechRecognizer.RECYCLE_PROPERTY, before);
            }
        }
    }

    /** The fixtures with 1.5 s of silence after each (the recognizer reaches an endpoint there). */
    private static byte[] interview() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : NAMES) {
            out.write(Pcm.toBytes(Pcm.readMono16(SpeechFixtures.wav(name))));
            out.write(new byte[48_000]);
        }
        return out.toByteArray();
    }
}
