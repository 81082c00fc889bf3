package dev.cuecard.hint.llm;

import dev.cuecard.hint.DraftCancellation;
import dev.cuecard.hint.TokenUsage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One streamed request to the configured endpoint under the LLM failure rules, shared by hint drafts
 * ({@link LlmHintEngine}) and structured answers ({@link JsonChat}): a time-out to the first token and
 * a stall time-out between tokens, all within the request time-out; retries with a doubling back-off
 * for 429/5xx only, and none once tokens have arrived; a fall-back to plain JSON, remembered for later
 * requests, when the endpoint rejects a JSON schema; cancellation from another thread; a short status
 * for every failure, built from the error's type and HTTP code, never from its text.
 */
final class RetryingChat {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingChat.class);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    /** Silence allowed between tokens once the stream runs (local models pause on long words). */
    static final Duration MIN_STALL = Duration.ofSeconds(10);
    /**
     * The longest reply read: a hint or a review is a few thousand characters; a server that streams
     * more (a runaway model, a broken proxy) is cut off and its reply counted as unreadable.
     */
    static final int MAX_REPLY_CHARS = 32_000;

    /** What the caller makes of the streamed text. */
    interface Reply<T> {
        /** The text so far, after every token (a draft shows partial hints from it). */
        default void streamed(String soFar) {
        }

        /** The whole reply as the result, or empty when it is not what was asked for (logged by the caller). */
        Optional<T> complete(String reply);
    }

    /** What a request came to. */
    sealed interface Result<T> {
        record Answered<T>(T value, Optional<TokenUsage> usage) implements Result<T> {
        }

        record Failed<T>(String status) implements Result<T> {
        }

        record Cancelled<T>() implements Result<T> {
        }
    }

    private final LlmConfig config;
    private final StreamingChatModel model;
    /** Cleared when the endpoint rejects a JSON-schema request; later requests ask for plain JSON. */
    private final AtomicBoolean schemaAccepted;

    /**
     * @param httpExecutor runs the HTTP client's work (the caller makes it with the app's named thread
     *                     factory, so no anonymous threads appear)
     */
    RetryingChat(LlmConfig config, Executor httpExecutor, double temperature) {
        this.config = config;
        this.model = StreamingModels.build(config, httpExecutor, temperature);
        this.schemaAccepted = new AtomicBoolean(config.jsonSchema());
    }

    LlmConfig config() {
        return config;
    }

    /** Sends the messages (with {@code schema} while the endpoint accepts one) until an outcome. */
    <T> Result<T> send(List<ChatMessage> messages, ResponseFormat schema, Reply<T> reply,
                       DraftCancellation cancellation) throws InterruptedException {
        long deadline = System.nanoTime() + config.requestTimeout().toNanos();
        for (int attempt = 0; ; attempt++) {
            boolean useSchema = schemaAccepted.get();
            Attempt<T> a = new Attempt<>(reply, deadline);
            Result<T> result = a.run(messages, useSchema ? schema : null, cancellation);
            if (result != null) {
                return result;
            }
            if (useSchema && a.failure == LlmFailure.REQUEST_REJECTED && !a.gotTokens) {
                LOG.info("endpoint rejected the JSON-schema response format; asking for plain JSON from now on");
                schemaAccepted.set(false);
                continue;
            }
            if (!a.failure.retryable() || a.gotTokens || attempt >= config.maxRetries()) {
                return new Result.Failed<>(LlmFailure.describe(a.failure, a.httpStatus));
            }
            Duration backoff = FIRST_BACKOFF.multipliedBy(1L << attempt);
            LOG.info("LLM attempt {} failed ({}); retrying in {} ms", attempt + 1, a.failure, backoff.toMillis());
            if (cancellation.awaitCancel(backoff)) {
                return new Result.Cancelled<>();
            }
        }
    }

    /** One HTTP request: its result, or null with {@link #failure} set when it failed. */
    private final class Attempt<T> {
        private final Reply<T> reply;
        private final long deadline;
        LlmFailure failure;
        int httpStatus = -1;
        boolean gotTokens;

        Attempt(Reply<T> reply, long deadline) {
            this.reply = reply;
            this.deadline = deadline;
        }

        Result<T> run(List<ChatMessage> messages, ResponseFormat schema, DraftCancellation cancellation)
                throws InterruptedException {
            StreamAttempt stream = new StreamAttempt();
            Runnable wake = stream::cancel;
            cancellation.onCancel(wake);
            try {
                ChatRequest.Builder req = ChatRequest.builder().messages(messages);
                if (schema != null) {
                    req.responseFormat(schema);
                }
                model.chat(req.build(), stream);
                return follow(stream);
            } finally {
                cancellation.removeOnCancel(wake);
            }
        }

        private Result<T> follow(StreamAttempt stream) throws InterruptedException {
            AnswerText text = new AnswerText();
            Duration stall = config.firstTokenTimeout().compareTo(MIN_STALL) > 0 ? config.firstTokenTimeout() : MIN_STALL;
            while (true) {
                Duration wait = gotTokens ? stall : config.firstTokenTimeout();
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.isNegative() || left.isZero()) {
                    // checked before taking a signal: a stream that outpaces its reader must still end
                    stream.abandon();
                    LOG.info("LLM request took longer than {} ms", config.requestTimeout().toMillis());
                    return fail(LlmFailure.TIMED_OUT);
                }
                StreamAttempt.Signal s = stream.next(left.compareTo(wait) < 0 ? left : wait);
                if (s == null) {
                    stream.abandon();
                    LOG.info("LLM {} after {} ms", gotTokens ? "stream stalled" : "sent no first token", wait.toMillis());
                    return fail(LlmFailure.TIMED_OUT);
                }
                if (s instanceof StreamAttempt.Cancelled) {
                    stream.abandon();
                    return new Result.Cancelled<>();
                }
                if (s instanceof StreamAttempt.Token t) {
                    gotTokens = true;
                    text.append(t.text());
                    if (text.length() > MAX_REPLY_CHARS) {
                        stream.abandon();
                        LOG.info("LLM reply longer than {} characters; stopped reading it", MAX_REPLY_CHARS);
                        return fail(LlmFailure.BAD_REPLY);
                    }
                    String answer = text.answer();
                    if (!answer.isEmpty()) {
                        reply.streamed(answer); // nothing to show while a reasoning model thinks
                    }
                } else if (s instanceof StreamAttempt.Done d) {
                    return completed(d.response(), text);
                } else if (s instanceof StreamAttempt.Failed f) {
                    httpStatus = LlmFailure.httpStatus(f.error());
                    LOG.info("LLM request failed: {}{}: {}", f.error().getClass().getSimpleName(),
                            httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "", redacted(f.error().getMessage()));
                    return fail(LlmFailure.classify(f.error()));
                }
            }
        }

        private Result<T> completed(ChatResponse response, AnswerText streamed) {
            String whole = response.aiMessage() != null && response.aiMessage().text() != null
                    ? AnswerText.of(response.aiMessage().text()).answer() : streamed.answer();
            Optional<T> value = reply.complete(whole);
            return value.<Result<T>>map(v -> new Result.Answered<>(v, usage(response))).orElseGet(() -> fail(LlmFailure.BAD_REPLY));
        }

        /** The loop in {@link #send} decides between a retry, the plain-JSON fallback and giving up. */
        private Result<T> fail(LlmFailure f) {
            failure = f;
            return null;
        }
    }

    private static Optional<TokenUsage> usage(ChatResponse response) {
        if (response.tokenUsage() == null || response.tokenUsage().inputTokenCount() == null) {
            return Optional.empty();
        }
        Integer out = response.tokenUsage().outputTokenCount();
        return Optional.of(new TokenUsage(response.tokenUsage().inputTokenCount(), out == null ? 0 : out));
    }

    private String redacted(String message) {
        if (message == null) {
            return "";
        }
        String m = message.length() > 300 ? message.substring(0, 300) + "…" : message;
        return config.apiKey().map(k -> k.redact(m)).orElse(m);
    }
}
