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
 * @param fillers    filler → count, in order of first use
 * @param typedWords the words of answers typed in practice: counted, never timed (their times are estimates)
 */
public record SpeakingMetrics(int words, long speakingMs, long spanMs, Map<String, Integer> fillers, int typedWords) {
    public static final SpeakingMetrics NONE = new SpeakingMetrics(0, 0, 0, Map.of(), 0);

    public SpeakingMetrics {
        // in order of first use, as FillerWords counts them: Map.copyOf's order changes with every JVM, so
        // equally used fillers were listed differently in each export of the same session
        fillers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fillers));
    }

    public static SpeakingMetrics of(List<Utterance> utterances) {
        if (utterances.isEmpty()) {
            return NONE;
        }
        int words = 0;
        int typedWords = 0;
        long speaking = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        Map<String, Integer> fillers = new LinkedHashMap<>();
        for (Utterance u : utterances) {
            int n = TextNormalizer.words(TextNormalizer.normalize(u.text())).size();
            words += n;
            FillerWords.count(u.text()).forEach((k, v) -> fillers.merge(k, v, Integer::sum));
            if (u.typed()) {
                typedWords += n;
                continue;
            }
            speaking += u.durationMs();
            first = Math.min(first, u.startMs());
            last = Math.max(last, u.endMs());
        }
        return new SpeakingMetrics(words, speaking, first == Long.MAX_VALUE ? 0 : Math.max(0, last - first), fillers,
                typedWords);
    }

    /** Pace as shown: "142" words per minute, or why there is none for typed answers. */
    public String wordsPerMinuteText() {
        return typedOnly() ? "not measured (typed)" : String.format(java.util.Locale.ROOT, "%.0f", wordsPerMinute());
    }

    /** Everything was typed (practice): words and fillers count, pace and length were never measured. */
    public boolean typedOnly() {
        return typedWords > 0 && typedWords == words;
    }

    /** Words per minute of speaking time (typed words left out); 0 when nothing was said. */
    public double wordsPerMinute() {
        return speakingMs == 0 ? 0 : (words - typedWords) * 60_000.0 / speakingMs;
    }

    public int fillerCount() {
        return FillerWords.total(fillers);
    }

    /** Fillers per 100 words, comparable between long and short answers. */
    public double fillersPer100Words() {
        return words == 0 ? 0 : fillerCount() * 100.0 / words;
    }
}
