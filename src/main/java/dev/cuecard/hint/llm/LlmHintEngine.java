package dev.cuecard.hint.llm;

import dev.cuecard.config.UserContext;
import dev.cuecard.hint.DraftCancellation;
import dev.cuecard.hint.DraftListener;
import dev.cuecard.hint.DraftOutcome;
import dev.cuecard.hint.DraftRequest;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.HintDrafter;
import dev.cuecard.hint.TokenUsage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drafts a personal hint with an OpenAI-compatible chat endpoint (OpenAI, Ollama, LM Studio,
 * llama.cpp server, vLLM) through langchain4j's streaming client. Every outcome is a
 * {@link DraftOutcome}: a time-out to the first token, a bounded number of retries with back-off for
 * 429/5xx, and a short status for everything else, so the template hint is never lost.
 */
public final class LlmHintEngine implements HintDrafter {
    private static final Logger LOG = LoggerFactory.getLogger(LlmHintEngine.class);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    /** Silence allowed between tokens once the stream runs (local models pause on long words). */
    static final Duration MIN_STALL = Duration.ofSeconds(10);

    private final LlmConfig config;
    private final StreamingChatModel model;
    private final HintPrompt prompt;
    /** Cleared when the endpoint rejects a JSON-schema request; later requests ask for plain JSON. */
    private final AtomicBoolean schemaAccepted;

    /**
     * @param httpExecutor runs the HTTP client's work (the caller makes it with the app's named thread
     *                     factory, so no anonymous threads appear)
     */
    public LlmHintEngine(LlmConfig config, UserContext context, Executor httpExecutor) {
        this.config = config;
        this.prompt = new HintPrompt(context, config.transcriptChars());
        this.schemaAccepted = new AtomicBoolean(config.jsonSchema());
        this.model = StreamingModels.build(config, httpExecutor, 0.3);
    }

    public LlmConfig config() {
        return config;
    }

    @Override
    public DraftOutcome draft(DraftRequest request, DraftListener listener, DraftCancellation cancellation) {
        try {
            return drafting(request, listener, cancellation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DraftOutcome.Cancelled();
        } catch (RuntimeException e) {
            // a bug or a library surprise: keep the template hint, keep the detail in the log only
            LOG.warn("LLM draft failed unexpectedly: {}", e.getClass().getName());
            return new DraftOutcome.Failed("LLM request failed");
        }
    }

    private DraftOutcome drafting(DraftRequest request, DraftListener listener, DraftCancellation cancellation)
            throws InterruptedException {
        if (cancellation.isCancelled()) {
            return new DraftOutcome.Cancelled();
        }
        List<ChatMessage> messages = prompt.messages(request);
        HintJsonReader reader = new HintJsonReader(request.templateHint());
        long deadline = System.nanoTime() + config.requestTimeout().toNanos();
        listener.sending(config.destination(), config.offMachine());
        for (int attempt = 0; ; attempt++) {
            boolean schema = schemaAccepted.get();
            Attempt a = new Attempt(messages, schema, reader, listener, cancellation, deadline);
            DraftOutcome outcome = a.run();
            if (outcome != null) {
                return outcome;
            }
            if (schema && a.failure == LlmFailure.REQUEST_REJECTED && !a.gotTokens) {
                LOG.info("endpoint rejected the JSON-schema response format; asking for plain JSON from now on");
                schemaAccepted.set(false);
                continue;
            }
            if (!a.failure.retryable() || a.gotTokens || attempt >= config.maxRetries()) {
                return new DraftOutcome.Failed(LlmFailure.describe(a.failure, a.httpStatus));
            }
            Duration backoff = FIRST_BACKOFF.multipliedBy(1L << attempt);
            LOG.info("LLM attempt {} failed ({}); retrying in {} ms", attempt + 1, a.failure, backoff.toMillis());
            if (cancellation.awaitCancel(backoff)) {
                return new DraftOutcome.Cancelled();
            }
        }
    }

    /** One request: returns the outcome, or null with {@link #failure} set when it failed. */
    private final class Attempt {
        private final List<ChatMessage> messages;
        private final boolean schema;
        private final HintJsonReader reader;
        private final DraftListener listener;
        private final DraftCancellation cancellation;
        private final long deadline;
        LlmFailure failure;
        int httpStatus = -1;
        boolean gotTokens;

        Attempt(List<ChatMessage> messages, boolean schema, HintJsonReader reader, DraftListener listener,
                DraftCancellation cancellation, long deadline) {
            this.messages = messages;
            this.schema = schema;
            this.reader = reader;
            this.listener = listener;
            this.cancellation = cancellation;
            this.deadline = deadline;
        }

        DraftOutcome run() throws InterruptedException {
            StreamAttempt stream = new StreamAttempt();
            Runnable wake = stream::cancel;
            cancellation.onCancel(wake);
            try {
                ChatRequest.Builder req = ChatRequest.builder().messages(messages);
                if (schema) {
                    req.responseFormat(HintSchema.responseFormat());
                }
                model.chat(req.build(), stream);
                return follow(stream);
            } finally {
                cancellation.removeOnCancel(wake);
            }
        }

        private DraftOutcome follow(StreamAttempt stream) throws InterruptedException {
            StringBuilder text = new StringBuilder();
            Hint shown = null;
            Duration stall = config.firstTokenTimeout().compareTo(MIN_STALL) > 0 ? config.firstTokenTimeout() : MIN_STALL;
            while (true) {
                Duration wait = gotTokens ? stall : config.firstTokenTimeout();
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                StreamAttempt.Signal s = stream.next(left.compareTo(wait) < 0 ? left : wait);
                if (s == null) {
                    stream.abandon();
                    LOG.info("LLM {} after {} ms", gotTokens ? "stream stalled" : "sent no first token",
                            wait.toMillis());
                    return fail(LlmFailure.TIMED_OUT);
                }
                if (s instanceof StreamAttempt.Cancelled) {
                    stream.abandon();
                    return new DraftOutcome.Cancelled();
                }
                if (s instanceof StreamAttempt.Token t) {
                    gotTokens = true;
                    text.append(t.text());
                    Optional<Hint> partial = reader.partial(text.toString());
                    if (partial.isPresent() && !Objects.equals(partial.get(), shown)) {
                        shown = partial.get();
                        listener.update(shown);
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

        private DraftOutcome completed(ChatResponse response, StringBuilder streamed) {
            String reply = response.aiMessage() != null && response.aiMessage().text() != null
                    ? response.aiMessage().text() : streamed.toString();
            try {
                Hint hint = reader.complete(reply);
                return new DraftOutcome.Drafted(hint, usage(response));
            } catch (HintJsonReader.HintFormatException e) {
                LOG.info("LLM reply is not a usable hint: {} ({} chars)", e.getMessage(), reply.length());
                return fail(LlmFailure.BAD_REPLY);
            }
        }

        /** The loop above decides between a retry, the plain-JSON fallback and giving up. */
        private DraftOutcome fail(LlmFailure f) {
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
