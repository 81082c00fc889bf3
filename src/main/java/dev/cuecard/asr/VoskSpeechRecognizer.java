package dev.cuecard.asr;

import dev.cuecard.audio.AudioChunk;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.PcmFormat;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.vosk.Recognizer;

/**
 * One Vosk {@link Recognizer} for one channel, kept for the whole session (re-creating recognizers
 * leaks native memory). Emits a partial event whenever the partial text changes, and a final event
 * with word timings at each endpoint.
 */
public final class VoskSpeechRecognizer implements SpeechRecognizer {
    private final Channel channel;
    private final Recognizer recognizer;
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
        try {
            this.recognizer = new Recognizer(model.vosk(), PcmFormat.SAMPLE_RATE);
        } catch (IOException e) {
            throw new ModelException("could not create a recognizer for model " + model.dir() + ": " + e.getMessage());
        }
        recognizer.setWords(true);
        // partial word timings come from the lattice and arrive ~1 s late: plain partials are 2-3x fresher
        recognizer.setPartialWords(false);
    }

    @Override
    public void accept(AudioChunk chunk, Consumer<TranscriptEvent> out) {
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
            emitFinal(VoskResultParser.parseFinal(recognizer.getResult()), out);
        } else {
            VoskResultParser.Parsed partial = VoskResultParser.parsePartial(recognizer.getPartialResult());
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

    @Override
    public void finish(Consumer<TranscriptEvent> out) {
        if (spotter != null) {
            spotter.finish();
        }
        if (fillers != null) {
            fillers.finish();
        }
        emitFinal(VoskResultParser.parseFinal(recognizer.getFinalResult()), out);
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
                    spotted()));
        }
        utteranceStartMs = fedMs;
    }

    private List<String> spotted() {
        return spotter == null ? List.of() : spotter.termsSince(utteranceStartMs);
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
