package dev.cuecard.hint.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One streamed HTTP request. langchain4j calls back on the HTTP client's threads; this turns the
 * callbacks into a queue the drafting thread waits on, so timeouts, cancellation and ordering are
 * decided in one place and no callback ever blocks the HTTP thread.
 */
final class StreamAttempt implements StreamingChatResponseHandler {

    sealed interface Signal {
    }

    record Token(String text) implements Signal {
    }

    record Done(ChatResponse response) implements Signal {
    }

    record Failed(Throwable error) implements Signal {
    }

    record Cancelled() implements Signal {
    }

    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private volatile boolean abandoned;
    private volatile StreamingHandle handle;

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        handle = context.streamingHandle();
        if (abandoned) {
            handle.cancel(); // the drafting thread gave up on this stream: stop reading it
            return;
        }
        if (partial.text() != null && !partial.text().isEmpty()) {
            signals.add(new Token(partial.text()));
        }
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        signals.add(new Done(response));
    }

    @Override
    public void onError(Throwable error) {
        signals.add(new Failed(error));
    }

    /** The next signal, or null after {@code wait} without one. */
    Signal next(Duration wait) throws InterruptedException {
        return signals.poll(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Wakes the drafting thread: a newer question took over. */
    void cancel() {
        signals.add(new Cancelled());
    }

    /** Stops the stream now if it has started, else as soon as its first token arrives. */
    void abandon() {
        abandoned = true;
        StreamingHandle h = handle;
        if (h != null) {
            h.cancel();
        }
    }
}
