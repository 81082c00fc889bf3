package dev.cuecard.session.debrief;

import dev.cuecard.question.TextNormalizer;
import dev.cuecard.session.Utterance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How someone spoke over some utterances.
 *
 * @param words      recognised words
 * @param speakingMs time inside utterances (first to last word of each), pauses between them excluded
 * @param spanMs     from the first word to the last (the answer's length as the listener lives it)
 * @param fillers    filler → count
 */
public record SpeakingMetrics(int words, long speakingMs, long spanMs, Map<String, Integer> fillers) {
    public static final SpeakingMetrics NONE = new SpeakingMetrics(0, 0, 0, Map.of());

    public SpeakingMetrics {
        fillers = Map.copyOf(fillers);
    }

    public static SpeakingMetrics of(List<Utterance> utterances) {
        if (utterances.isEmpty()) {
            return NONE;
        }
        int words = 0;
        long speaking = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        Map<String, Integer> fillers = new LinkedHashMap<>();
        for (Utterance u : utterances) {
            words += TextNormalizer.words(TextNormalizer.normalize(u.text())).size();
            speaking += u.durationMs();
            first = Math.min(first, u.startMs());
            last = Math.max(last, u.endMs());
            FillerWords.count(u.text()).forEach((k, v) -> fillers.merge(k, v, Integer::sum));
        }
        return new SpeakingMetrics(words, speaking, Math.max(0, last - first), fillers);
    }

    /** Words per minute of speaking time; 0 when nothing was said. */
    public double wordsPerMinute() {
        return speakingMs == 0 ? 0 : words * 60_000.0 / speakingMs;
    }

    public int fillerCount() {
        return FillerWords.total(fillers);
    }

    /** Fillers per 100 words, comparable between long and short answers. */
    public double fillersPer100Words() {
        return words == 0 ? 0 : fillerCount() * 100.0 / words;
    }
}
