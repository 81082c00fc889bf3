package dev.cuecard.asr;

import dev.cuecard.audio.AudioChunk;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.PcmFormat;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.vosk.Recognizer;

/**
 * One Vosk {@link Recognizer} for one channel. Emits a partial event whenever the partial text
 * changes, and a final event with word timings at each endpoint.
 *
 * <p>Memory (issue 14): a recognizer keeps every state of the decoding graph it has composed on the
 * fly (HCLr ∘ Gr) for as long as it lives — one recognizer grew from 240 to 425 MB RSS over 15
 * minutes of speech, and heaptrack put OpenFst's compose caches (arena-allocated states, state
 * tuples, cache vectors) at ~200 MB of native memory after 2.5 minutes of a two-channel replay. So
 * the recognizer (and its keyword spotter) is replaced by a fresh one at the first endpoint after
 * {@link #DEFAULT_RECYCLE_SECONDS} s of audio, between utterances where nothing is lost; word times
 * of the new one are shifted onto the stream's clock. {@code -Dcuecard.asr.recycleSeconds=0} turns
 * it off.
 */
public final class VoskSpeechRecognizer implements SpeechRecognizer {
    /** Audio after which the recognizer is replaced at its next endpoint (0: never). */
    static final String RECYCLE_PROPERTY = "cuecard.asr.recycleSeconds";
    static final long DEFAULT_RECYCLE_SECONDS = 30;
    /**
     * Readings of each final the interviewer's recognizer gives (its n-best list; 0 or 1: one).
     * Classifying all of them lets a question heard as "how would you can search results" still
     * count the reading "how would you cache search results" (BENCHMARKS.md, issue 11).
     */
    static final String ALTERNATIVES_PROPERTY = "cuecard.asr.alternatives";
    static final int DEFAULT_ALTERNATIVES = 5;

    private final int alternatives;

    private final long recycleMs = Long.getLong(RECYCLE_PROPERTY, DEFAULT_RECYCLE_SECONDS) * 1000;
    private int recycled;

    private final Channel channel;
    private final SpeechModel model;
    private Recognizer recognizer;
    private long recognizerSinceMs;
    /** Domain phrases heard on the same audio, or null without spotting. */
    private final KeywordSpotter spotter;
    /** "um"/"uh" heard on the same audio (the candidate's channel), or null. */
    private final FillerSpotter fillers;
    private long fedMs;
    private long utteranceStartMs;
    private String lastPartial = "";

    public VoskSpeechRecognizer(SpeechModel model, Channel channel) throws ModelException {
        this(model, channel, null);
    }

    /** @param spotter a keyword spotter fed the same audio (closed with this recognizer), or null */
    public VoskSpeechRecognizer(SpeechModel model, Channel channel, KeywordSpotter spotter) throws ModelException {
        this(model, channel, spotter, null);
    }

    /**
     * @param spotter a keyword spotter fed the same audio (closed with this recognizer), or null
     * @param fillers a filler spotter fed the same audio (closed with this recognizer), or null
     */
    public VoskSpeechRecognizer(SpeechModel model, Channel channel, KeywordSpotter spotter, FillerSpotter fillers)
            throws ModelException {
        this.channel = channel;
        this.spotter = spotter;
        this.fillers = fillers;
        this.model = model;
        this.alternatives = channel == Channel.THEM ? Integer.getInteger(ALTERNATIVES_PROPERTY, DEFAULT_ALTERNATIVES) : 0;
        this.recognizer = newRecognizer(model, alternatives);
    }

    private static Recognizer newRecognizer(SpeechModel model, int alternatives) throws ModelException {
        Recognizer r;
        try {
            model.checkDecodable(); // says why; the recognizer it makes is the one taken
            r = model.plain().take();
        } catch (IOException e) {
            throw new ModelException("could not create a recognizer for model " + model.dir() + ": " + e.getMessage());
        }
        r.setWords(true);
        // partial word timings come from the lattice and arrive ~1 s late: plain partials are 2-3x fresher
        r.setPartialWords(false);
        if (alternatives > 1) {
            r.setMaxAlternatives(alternatives);
        }
        return r;
    }

    /** Between utterances, after the recycle interval: a fresh recognizer drops the graph states the old one kept. */
    private void recycleIfDue() {
        if (recycleMs <= 0 || fedMs - recognizerSinceMs < recycleMs) {
            return;
        }
        try {
            Recognizer fresh = newRecognizer(model, alternatives);
            recognizer.close();
            recognizer = fresh;
            recognizerSinceMs = fedMs; // its word times count from here
            recycled++;
            if (spotter != null) {
                spotter.recycle(fedMs); // its utterance was just closed too; its graph states grow the same way
            }
        } catch (ModelException e) {
            recognizerSinceMs = fedMs; // keep the old one; try again after another interval
        }
    }

    /**
     * Audio skipped this long (paused listening; chunks are numbered by the samples captured, so the
     * stream only jumps where the pipeline dropped some) ends the utterance before it and moves the
     * recognizers' clocks past it. A shorter drop (a busy machine's) only moves the clocks: the
     * words on either side may still be one sentence, but without the move every later time would
     * be early by the sum of all drops so far.
     */
    static final long SKIP_MS = 1000;

    @Override
    public void accept(AudioChunk chunk, Consumer<TranscriptEvent> out) {
        long skipped = chunk.startMs() - fedMs;
        if (skipped >= SKIP_MS) {
            skip(skipped, out);
            utteranceStartMs = chunk.startMs();
        } else if (skipped > 0) {
            moveClocks(skipped);
        }
        byte[] pcm = chunk.pcm();
        boolean endpoint = recognizer.acceptWaveForm(pcm, pcm.length);
        fedMs = chunk.endMs();
        if (spotter != null) {
            spotter.accept(pcm, fedMs);
        }
        if (fillers != null) {
            fillers.accept(pcm);
        }
        if (endpoint) {
            if (spotter != null) {
                spotter.finish(); // close the spotter's utterance here too, so its checked terms join this final
            }
            emitFinal(VoskResultParser.parseFinal(recognizer.getResult()).shifted(recognizerSinceMs), out);
            recycleIfDue();
        } else {
            VoskResultParser.Parsed partial = VoskResultParser.parsePartial(recognizer.getPartialResult())
                    .shifted(recognizerSinceMs);
            if (!partial.text().isEmpty() && !partial.text().equals(lastPartial)) {
                lastPartial = partial.text();
                List<Word> words = partial.words();
                long start = words.isEmpty() ? utteranceStartMs : words.get(0).startMs();
                long end = words.isEmpty() ? fedMs : words.get(words.size() - 1).endMs();
                out.accept(new TranscriptEvent(channel, TranscriptKind.PARTIAL, partial.text(), start, end, fedMs, words,
                        spotted()));
            }
        }
    }

    /**
     * The recognizers count only the audio fed to them, the stream counts all it captured: without
     * this, every time after a pause was early by the pause's length (the live transcript said 0:17
     * where the stored question said 0:22).
     */
    private void skip(long skippedMs, Consumer<TranscriptEvent> out) {
        if (spotter != null) {
            spotter.skipped(skippedMs);
        }
        if (fillers != null) {
            fillers.skipped(skippedMs);
        }
        emitFinal(VoskResultParser.parseFinal(recognizer.getFinalResult()).shifted(recognizerSinceMs), out);
        recognizerSinceMs += skippedMs;
    }

    private void moveClocks(long droppedMs) {
        if (spotter != null) {
            spotter.moved(droppedMs);
        }
        if (fillers != null) {
            fillers.moved(droppedMs);
        }
        recognizerSinceMs += droppedMs;
    }

    @Override
    public void finish(Consumer<TranscriptEvent> out) {
        if (spotter != null) {
            spotter.finish();
        }
        if (fillers != null) {
            fillers.finish();
        }
        emitFinal(VoskResultParser.parseFinal(recognizer.getFinalResult()).shifted(recognizerSinceMs), out);
    }

    private void emitFinal(VoskResultParser.Parsed result, Consumer<TranscriptEvent> out) {
        lastPartial = "";
        if (!result.text().isEmpty()) {
            List<Word> words = result.words();
            String text = result.text();
            if (fillers != null) {
                words = fillers.mergeInto(words, fedMs);
                text = String.join(" ", words.stream().map(Word::text).toList());
            }
            long start = words.isEmpty() ? utteranceStartMs : words.get(0).startMs();
            long end = words.isEmpty() ? fedMs : words.get(words.size() - 1).endMs();
            out.accept(new TranscriptEvent(channel, TranscriptKind.FINAL, text, start, end, fedMs, words,
                    spotted(), result.alternatives()));
        }
        utteranceStartMs = fedMs;
    }

    private List<String> spotted() {
        return spotter == null ? List.of() : spotter.termsSince(utteranceStartMs);
    }

    /** How many times the recognizer was replaced. */
    int recycled() {
        return recycled;
    }

    @Override
    public void close() {
        recognizer.close();
        if (spotter != null) {
            spotter.close();
        }
        if (fillers != null) {
            fillers.close();
        }
    }
}
