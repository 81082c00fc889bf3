package dev.cuecard.asr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.vosk.Recognizer;

/**
 * A second recognizer on the same audio whose grammar holds only the domain's phrases (plus
 * {@code [unk]} for everything else). The small model's general language model prefers common
 * words ("cash", "or a limiter"); held to the grammar the decoder picks the technical phrase when
 * the sound fits it. The main recognizer still writes the transcript; the spotter only adds the
 * terms it heard, each stamped with where in the audio it was heard, so they can be joined to the
 * main recognizer's utterance. Not thread-safe: fed from the channel's recognizer thread.
 */
public final class KeywordSpotter implements AutoCloseable {
    /** Words of a final result below this confidence are not trusted as a spotted phrase. */
    static final double MIN_CONFIDENCE = Double.parseDouble(System.getProperty("cuecard.spotter.minConf", "0.5"));
    /**
     * Partial results carry no word confidence, so a phrase in one is a guess; by default only
     * phrases of closed results whose every word reached {@link #MIN_CONFIDENCE} are reported
     * ({@code -Dcuecard.spotter.partials=true} adds the unchecked ones, kept for comparison).
     */
    static final boolean USE_PARTIALS = Boolean.getBoolean("cuecard.spotter.partials");
    private static final int MAX_PHRASE_WORDS = 5;
    private static final String UNKNOWN = "[unk]";

    /** A term heard at an audio time (ms since the channel started). */
    public record Spotted(String term, long atMs) {
    }

    private final SpeechModel model;
    private final String grammar;
    private Recognizer recognizer;
    /** Where the current recognizer started in the stream: its word times count from here. */
    private long recognizerSinceMs;
    /** Phrase as the model writes it → term. */
    private final Map<String, String> phrases;
    /** Terms of closed spotter utterances, with their word times. */
    private final List<Spotted> closed = new ArrayList<>();
    /** Terms of the open spotter utterance in order, with when each was first seen. */
    private final List<Spotted> open = new ArrayList<>();

    private KeywordSpotter(SpeechModel model, String grammar, Recognizer recognizer, Map<String, String> phrases) {
        this.model = model;
        this.grammar = grammar;
        this.recognizer = recognizer;
        this.phrases = phrases;
    }

    private static Recognizer newRecognizer(SpeechModel model, String grammar) throws IOException {
        Recognizer r = model.grammar(grammar).take();
        r.setWords(true);
        r.setPartialWords(false);
        return r;
    }

    /**
     * A fresh recognizer from {@code fedMs} on (call between utterances, after {@link #finish()}):
     * like the main recognizer's, it keeps the graph states it composed while it lives.
     */
    void recycle(long fedMs) {
        try {
            Recognizer fresh = newRecognizer(model, grammar);
            recognizer.close();
            recognizer = fresh;
            recognizerSinceMs = fedMs;
        } catch (IOException e) {
            // keep the old one
        }
    }

    /**
     * A spotter for the phrases the model can say, or empty when it can say none of them (a model
     * without a readable word list, or one that takes no grammar).
     *
     * @param spokenForms phrase as a recogniser writes it (lower case) → the term it stands for
     */
    public static Optional<KeywordSpotter> create(SpeechModel model, ModelVocabulary vocabulary,
                                                  Map<String, String> spokenForms) throws ModelException {
        Map<String, String> usable = usable(vocabulary, spokenForms);
        if (usable.isEmpty()) {
            return Optional.empty();
        }
        String json = grammar(usable);
        try {
            return Optional.of(new KeywordSpotter(model, json, newRecognizer(model, json), Map.copyOf(usable)));
        } catch (IOException e) {
            throw new ModelException("could not create the keyword spotter for model " + model.dir() + ": "
                    + e.getMessage());
        }
    }

    /**
     * Starts compiling the recognizer {@link #create} will want for these phrases on a background
     * thread, so a session about to start does not wait for it (~0.25 s for the shipped phrases).
     */
    public static void prepare(SpeechModel model, Map<String, String> spokenForms) {
        Map<String, String> usable = usable(model.vocabulary(), spokenForms);
        if (!usable.isEmpty()) {
            model.grammar(grammar(usable)).prepare();
        }
    }

    /** The phrases the model can say, phrase → term, in a fixed order. */
    private static Map<String, String> usable(ModelVocabulary vocabulary, Map<String, String> spokenForms) {
        Map<String, String> usable = new TreeMap<>();
        spokenForms.forEach((phrase, term) -> {
            if (phrase.split(" ").length <= MAX_PHRASE_WORDS && vocabulary.canSay(phrase)) {
                usable.put(phrase, term);
            }
        });
        return usable;
    }

    private static String grammar(Map<String, String> usable) {
        List<String> grammar = new ArrayList<>(usable.keySet());
        grammar.add(UNKNOWN);
        try {
            return new ObjectMapper().writeValueAsString(grammar);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many phrases the grammar holds. */
    public int phraseCount() {
        return phrases.size();
    }

    /** Feeds the next chunk; {@code fedMs} is the audio position at its end. */
    public void accept(byte[] pcm, long fedMs) {
        if (recognizer.acceptWaveForm(pcm, pcm.length)) {
            closeUtterance(recognizer.getResult());
        } else if (USE_PARTIALS) { // unchecked phrases are off by default: no partial parsing per chunk
            VoskResultParser.Parsed partial = VoskResultParser.parsePartial(recognizer.getPartialResult());
            List<String> terms = spot(wordsOf(partial.text()), false).stream().map(Spotted::term).toList();
            int same = 0;
            while (same < open.size() && same < terms.size() && open.get(same).term().equals(terms.get(same))) {
                same++;
            }
            open.subList(same, open.size()).clear();
            for (int i = same; i < terms.size(); i++) {
                open.add(new Spotted(terms.get(i), fedMs));
            }
        }
    }

    /** End of the main recognizer's utterance, or of the audio: closes the open utterance. */
    public void finish() {
        closeUtterance(recognizer.getFinalResult());
    }

    /** Audio the stream skipped (paused): the open utterance ends, and later word times move past the gap. */
    void skipped(long skippedMs) {
        finish();
        recognizerSinceMs += skippedMs;
    }

    /** Audio dropped without ending the utterance ({@link VoskSpeechRecognizer#SKIP_MS}): later times move. */
    void moved(long droppedMs) {
        recognizerSinceMs += droppedMs;
    }

    private void closeUtterance(String json) {
        open.clear();
        closed.addAll(spot(VoskResultParser.parseFinal(json).shifted(recognizerSinceMs).words(), true));
    }

    /**
     * Terms heard since {@code sinceMs} (the start of the main recognizer's current utterance), in
     * order, each once; older ones are forgotten.
     */
    public List<String> termsSince(long sinceMs) {
        closed.removeIf(s -> s.atMs() < sinceMs);
        Set<String> out = new LinkedHashSet<>();
        closed.forEach(s -> out.add(s.term()));
        if (USE_PARTIALS) {
            open.stream().filter(s -> s.atMs() >= sinceMs).forEach(s -> out.add(s.term()));
        }
        return List.copyOf(out);
    }

    /** The grammar phrases in a run of words, longest first, stamped with their first word's start. */
    private List<Spotted> spot(List<Word> words, boolean checkConfidence) {
        List<Spotted> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int end = longestPhrase(words, i, checkConfidence);
            if (end > i) {
                out.add(new Spotted(phrases.get(join(words.subList(i, end))), words.get(i).startMs()));
                i = end;
            } else {
                i++;
            }
        }
        return out;
    }

    /** End index (exclusive) of the longest phrase starting at {@code from}, or {@code from} when none. */
    private int longestPhrase(List<Word> words, int from, boolean checkConfidence) {
        for (int end = Math.min(words.size(), from + MAX_PHRASE_WORDS); end > from; end--) {
            List<Word> run = words.subList(from, end);
            if (phrases.containsKey(join(run))
                    && (!checkConfidence || run.stream().allMatch(w -> w.confidence() >= MIN_CONFIDENCE))) {
                return end;
            }
        }
        return from;
    }

    private static List<Word> wordsOf(String text) {
        List<Word> out = new ArrayList<>();
        for (String w : text.split(" ")) {
            if (!w.isEmpty()) {
                out.add(new Word(w, 0, 0, 1.0));
            }
        }
        return out;
    }

    private static String join(List<Word> words) {
        StringBuilder b = new StringBuilder();
        for (Word w : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(w.text());
        }
        return b.toString();
    }

    @Override
    public void close() {
        recognizer.close();
    }
}
