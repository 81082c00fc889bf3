package dev.cuecard.hint.llm;

import dev.cuecard.hint.DraftCancellation;
import dev.cuecard.hint.TokenUsage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.ResponseFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured (JSON) answer from the configured endpoint under the hint engine's failure rules
 * ({@link RetryingChat}): a time-out to the first token and between tokens, retries with back-off for
 * 429/5xx only, a fall-back to plain JSON when the endpoint rejects a JSON schema, and a short status
 * for every failure — built from the error's type and HTTP code, never from its text.
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

    private final RetryingChat chat;

    /**
     * Whether a failure status says the endpoint will fail every request alike (unreachable, key or
     * model rejected), so a batch of requests (a review of each answer) need not send the rest.
     */
    public static boolean failsEveryRequest(String status) {
        for (LlmFailure f : LlmFailure.values()) {
            if (f.lasting() && status.startsWith(f.status())) {
                return true;
            }
        }
        return false;
    }

    public JsonChat(LlmConfig config, Executor httpExecutor) {
        this.chat = new RetryingChat(config, httpExecutor, 0.2);
    }

    public LlmConfig config() {
        return chat.config();
    }

    /**
     * Sends the messages and parses the whole reply.
     *
     * @param parser turns the reply text into the result; throws {@link UnusableReply} when it cannot
     */
    public <T> Outcome<T> ask(List<ChatMessage> messages, ResponseFormat schema, Function<String, T> parser) {
        RetryingChat.Reply<T> reply = text -> {
            try {
                return Optional.of(parser.apply(text));
            } catch (UnusableReply e) {
                LOG.info("LLM reply unusable: {} ({} chars)", e.getMessage(), text.length());
                return Optional.empty();
            }
        };
        try {
            // nothing cancels a structured answer: it is awaited by one caller
            RetryingChat.Result<T> result = chat.send(messages, schema, reply, new DraftCancellation());
            if (result instanceof RetryingChat.Result.Answered<T> a) {
                return new Outcome.Answered<>(a.value(), a.usage());
            }
            if (result instanceof RetryingChat.Result.Failed<T> f) {
                return new Outcome.Failed<>(f.status());
            }
            return new Outcome.Failed<>("LLM request cancelled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed<>("LLM request cancelled");
        } catch (RuntimeException e) {
            LOG.warn("LLM request failed unexpectedly: {}", e.getClass().getName());
            return new Outcome.Failed<>("LLM request failed");
        }
    }
}
