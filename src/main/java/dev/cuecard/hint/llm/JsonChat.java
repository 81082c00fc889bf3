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
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured (JSON) answer from the configured endpoint under the hint engine's failure rules:
 * a time-out to the first token and between tokens, retries with back-off for 429/5xx only, a
 * fall-back to plain JSON when the endpoint rejects a JSON schema, and a short status for every
 * failure — built from the error's type and HTTP code, never from its text.
 */
public final class JsonChat {
    private static final Logger LOG = LoggerFactory.getLogger(JsonChat.class);

    /** What a request came to. */
    public sealed interface Outcome<T> {
        record Answered<T>(T value, Optional<TokenUsage> usage) implements Outcome<T> {
        }

        record Failed<T>(String status) implements Outcome<T> {
        }
    }

    /** Thrown by a reply parser when the reply is not what was asked for. */
    public static final class UnusableReply extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnusableReply(String message) {
            super(message);
        }
    }

    private final LlmConfig config;
    private final StreamingChatModel model;
    private final AtomicBoolean schemaAccepted;

    public JsonChat(LlmConfig config, Executor httpExecutor) {
        this.config = config;
        this.model = StreamingModels.build(config, httpExecutor, 0.2);
        this.schemaAccepted = new AtomicBoolean(config.jsonSchema());
    }

    public LlmConfig config() {
        return config;
    }

    /**
     * Sends the messages and parses the whole reply.
     *
     * @param parser turns the reply text into the result; throws {@link UnusableReply} when it cannot
     */
    public <T> Outcome<T> ask(List<ChatMessage> messages, ResponseFormat schema, Function<String, T> parser) {
        DraftCancellation never = new DraftCancellation();
        long deadline = System.nanoTime() + config.requestTimeout().toNanos();
        try {
            for (int attempt = 0; ; attempt++) {
                boolean useSchema = schemaAccepted.get();
                Attempt a = new Attempt(deadline);
                ChatRequest.Builder req = ChatRequest.builder().messages(messages);
                if (useSchema) {
                    req.responseFormat(schema);
                }
                model.chat(req.build(), a.stream);
                ChatResponse response = a.follow();
                if (response != null) {
                    String reply = response.aiMessage() != null && response.aiMessage().text() != null
                            ? response.aiMessage().text() : a.text.toString();
                    try {
                        return new Outcome.Answered<>(parser.apply(reply), usage(response));
                    } catch (UnusableReply e) {
                        LOG.info("LLM reply unusable: {} ({} chars)", e.getMessage(), reply.length());
                        return new Outcome.Failed<>(LlmFailure.BAD_REPLY.status());
                    }
                }
                if (useSchema && a.failure == LlmFailure.REQUEST_REJECTED && !a.gotTokens) {
                    schemaAccepted.set(false);
                    continue;
                }
                if (!a.failure.retryable() || a.gotTokens || attempt >= config.maxRetries()) {
                    return new Outcome.Failed<>(LlmFailure.describe(a.failure, a.httpStatus));
                }
                never.awaitCancel(LlmHintEngine.FIRST_BACKOFF.multipliedBy(1L << attempt));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed<>("LLM request cancelled");
        } catch (RuntimeException e) {
            LOG.warn("LLM request failed unexpectedly: {}", e.getClass().getName());
            return new Outcome.Failed<>("LLM request failed");
        }
    }

    private final class Attempt {
        final StreamAttempt stream = new StreamAttempt();
        final StringBuilder text = new StringBuilder();
        final long deadline;
        LlmFailure failure;
        int httpStatus = -1;
        boolean gotTokens;

        Attempt(long deadline) {
            this.deadline = deadline;
        }

        /** The complete response, or null with {@link #failure} set. */
        ChatResponse follow() throws InterruptedException {
            Duration stall = config.firstTokenTimeout().compareTo(LlmHintEngine.MIN_STALL) > 0
                    ? config.firstTokenTimeout() : LlmHintEngine.MIN_STALL;
            while (true) {
                Duration wait = gotTokens ? stall : config.firstTokenTimeout();
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                StreamAttempt.Signal s = stream.next(left.compareTo(wait) < 0 ? left : wait);
                if (s == null) {
                    stream.abandon();
                    failure = LlmFailure.TIMED_OUT;
                    return null;
                }
                if (s instanceof StreamAttempt.Token t) {
                    gotTokens = true;
                    text.append(t.text());
                } else if (s instanceof StreamAttempt.Done d) {
                    return d.response();
                } else if (s instanceof StreamAttempt.Failed f) {
                    httpStatus = LlmFailure.httpStatus(f.error());
                    failure = LlmFailure.classify(f.error());
                    return null;
                }
            }
        }
    }

    private static Optional<TokenUsage> usage(ChatResponse response) {
        if (response.tokenUsage() == null || response.tokenUsage().inputTokenCount() == null) {
            return Optional.empty();
        }
        Integer out = response.tokenUsage().outputTokenCount();
        return Optional.of(new TokenUsage(response.tokenUsage().inputTokenCount(), out == null ? 0 : out));
    }
}
