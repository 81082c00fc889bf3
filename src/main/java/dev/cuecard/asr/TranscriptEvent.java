package dev.cuecard.asr;

import dev.cuecard.audio.Channel;
import java.util.List;

/**
 * A recognition result of one channel.
 *
 * @param startMs audio time of the first word (for a partial without words: the utterance start)
 * @param endMs   audio time of the last word's end
 * @param atMs    audio already fed to the recognizer when this event was produced
 * @param words   word timings (finals; partials carry none, see VoskSpeechRecognizer)
 * @param terms   domain terms the keyword spotter heard in this utterance so far (not part of the text)
 * @param alternatives the recogniser's other readings of a final's audio, most likely first (its
 *                     n-best list without {@code text}; empty for partials and where not asked for)
 */
public record TranscriptEvent(Channel channel, TranscriptKind kind, String text, long startMs, long endMs,
                              long atMs, List<Word> words, List<String> terms, List<String> alternatives) {
    public TranscriptEvent {
        words = List.copyOf(words);
        terms = List.copyOf(terms);
        alternatives = List.copyOf(alternatives);
    }

    public TranscriptEvent(Channel channel, TranscriptKind kind, String text, long startMs, long endMs, long atMs,
                           List<Word> words, List<String> terms) {
        this(channel, kind, text, startMs, endMs, atMs, words, terms, List.of());
    }

    public TranscriptEvent(Channel channel, TranscriptKind kind, String text, long startMs, long endMs, long atMs,
                           List<Word> words) {
        this(channel, kind, text, startMs, endMs, atMs, words, List.of());
    }

    public boolean isFinal() {
        return kind == TranscriptKind.FINAL;
    }
}
