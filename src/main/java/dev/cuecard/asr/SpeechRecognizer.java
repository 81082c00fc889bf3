package dev.cuecard.asr;

import dev.cuecard.audio.AudioChunk;
import java.util.function.Consumer;

/**
 * Streaming recognition of one channel. Fed from one thread; emits events on that same thread.
 */
public interface SpeechRecognizer extends AutoCloseable {

    /** Feeds the next chunk; may emit partial and final events. */
    void accept(AudioChunk chunk, Consumer<TranscriptEvent> out);

    /** End of audio: emits the last final result, if any. */
    void finish(Consumer<TranscriptEvent> out);

    @Override
    void close();
}
