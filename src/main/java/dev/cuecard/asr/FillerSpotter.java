package dev.cuecard.asr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vosk.Recognizer;

/**
 * Hears "um" and "uh" that the small model's language model writes as other words ("i'm", "a") or
 * drops: a second recognizer on the candidate's audio whose grammar holds only the two fillers and
 * {@code [unk]}. Its fillers are merged into the main recognizer's final words ({@link #merge}): one
 * that overlaps a short function word the fillers are mistaken for replaces it, one in a gap is
 * inserted, one overlapping any other word is dropped (the main recognizer's word wins). Not
 * thread-safe: fed from the channel's recognizer thread.
 */
public final class FillerSpotter implements AutoCloseable {
    /** A filler below this confidence is not trusted. */
    static final double MIN_CONFIDENCE = 0.8;
    /** What the main recognizer writes for a filled pause. */
    static final Set<String> MISTAKEN_FOR = Set.of("i'm", "im", "a", "uh", "um", "and", "an", "the", "of", "i", "on",
            "in", "huh", "ah", "oh", "hm", "hmm", "m");
    private static final String GRAMMAR = "[\"um\", \"uh\", \"[unk]\"]";

    private final Recognizer recognizer;
    private final List<Word> heard = new ArrayList<>();
    /** Audio the stream skipped so far (paused): the recognizer's times are behind the stream's by this much. */
    private long skippedMs;

    private FillerSpotter(Recognizer recognizer) {
        this.recognizer = recognizer;
    }

    /** A spotter, or empty when the model cannot say "um" and "uh" or takes no grammar. */
    public static Optional<FillerSpotter> create(SpeechModel model) {
        if (!model.vocabulary().isEmpty() && !(model.vocabulary().contains("um") && model.vocabulary().contains("uh"))) {
            return Optional.empty();
        }
        try {
            model.checkDecodable(); // a grammar recognizer from a model whose graph did not load crashes Vosk
            Recognizer r = new Recognizer(model.vosk(), dev.cuecard.audio.PcmFormat.SAMPLE_RATE, GRAMMAR);
            r.setWords(true);
            return Optional.of(new FillerSpotter(r));
        } catch (IOException | RuntimeException e) { // a model that takes no grammar, or cannot decode at all
            return Optional.empty();
        }
    }

    /** Feeds the next chunk (the same audio as the main recognizer). */
    public void accept(byte[] pcm) {
        if (recognizer.acceptWaveForm(pcm, pcm.length)) {
            keep(recognizer.getResult());
        }
    }

    /**
     * End of the audio: closes the open utterance. (Not at each of the main recognizer's endpoints:
     * cut there, the grammar decoder lost the fillers of the next utterance; its own endpoints
     * mostly come first, as its utterances are short.)
     */
    public void finish() {
        keep(recognizer.getFinalResult());
    }

    /** Audio the stream skipped (paused): the open utterance ends, and later word times move past the gap. */
    public void skipped(long ms) {
        finish();
        skippedMs += ms;
    }

    /** Audio dropped without ending the utterance: later times move. */
    public void moved(long ms) {
        skippedMs += ms;
    }

    private void keep(String json) {
        for (Word w : VoskResultParser.parseFinal(json).shifted(skippedMs).words()) {
            if ((w.text().equals("um") || w.text().equals("uh")) && w.confidence() >= MIN_CONFIDENCE) {
                heard.add(w);
            }
        }
    }

    /** The main recognizer's final words with the fillers heard up to {@code untilMs} merged in; those are then forgotten. */
    public List<Word> mergeInto(List<Word> words, long untilMs) {
        List<Word> fillers = heard.stream().filter(f -> f.startMs() < untilMs).toList();
        heard.removeAll(fillers);
        return merge(words, fillers);
    }

    static List<Word> merge(List<Word> words, List<Word> fillers) {
        List<Word> out = new ArrayList<>(words);
        for (Word f : fillers) {
            int overlapping = -1;
            for (int i = 0; i < out.size(); i++) {
                Word w = out.get(i);
                long overlap = Math.min(w.endMs(), f.endMs()) - Math.max(w.startMs(), f.startMs());
                if (overlap > 0) {
                    overlapping = i;
                    break;
                }
            }
            if (overlapping >= 0) {
                Word w = out.get(overlapping);
                if (MISTAKEN_FOR.contains(w.text())) {
                    out.set(overlapping, new Word(f.text(), w.startMs(), w.endMs(), f.confidence()));
                }
            } else if (!out.isEmpty() && f.startMs() >= out.get(0).startMs() && f.endMs() <= out.get(out.size() - 1).endMs()) {
                int at = 0;
                while (at < out.size() && out.get(at).startMs() < f.startMs()) {
                    at++;
                }
                out.add(at, f);
            }
        }
        return out;
    }

    @Override
    public void close() {
        recognizer.close();
    }
}
