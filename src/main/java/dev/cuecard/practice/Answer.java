package dev.cuecard.practice;

import dev.cuecard.audio.Channel;
import dev.cuecard.question.TextNormalizer;
import dev.cuecard.session.Utterance;
import dev.cuecard.session.debrief.SpeakingMetrics;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A candidate's answer: what was said or typed, and how it was spoken when it was spoken.
 *
 * @param utterances the recognised speech with audio times; empty for a typed answer
 * @param spoken     false for a typed answer (its length is estimated, its pace not measured)
 */
public record Answer(String text, List<Utterance> utterances, boolean spoken) {
    /** Speaking rate assumed for a typed answer, to judge its length as if it were said. */
    public static final int TYPED_WORDS_PER_MINUTE = 150;

    public Answer {
        utterances = List.copyOf(utterances);
    }

    public static Answer typed(String text) {
        return new Answer(text.strip(), List.of(), false);
    }

    /** The final recognition results of the {@code me} channel. */
    public static Answer spoken(List<Utterance> utterances) {
        List<Utterance> me = utterances.stream().filter(u -> u.channel() == Channel.ME && !u.text().isBlank()).toList();
        return new Answer(me.stream().map(Utterance::text).collect(Collectors.joining(" ")), me, true);
    }

    /** Words, speaking time and span; a typed answer is timed at {@link #TYPED_WORDS_PER_MINUTE}. */
    public SpeakingMetrics metrics() {
        if (spoken) {
            return SpeakingMetrics.of(utterances);
        }
        long ms = wordCount() * 60_000L / TYPED_WORDS_PER_MINUTE;
        return SpeakingMetrics.of(List.of(new Utterance(Channel.ME, 0, ms, text)));
    }

    public int wordCount() {
        return TextNormalizer.words(TextNormalizer.normalize(text)).size();
    }
}
