package dev.cuecard.hint.llm;

import dev.cuecard.config.UserContext;
import dev.cuecard.hint.DraftCancellation;
import dev.cuecard.hint.DraftListener;
import dev.cuecard.hint.DraftOutcome;
import dev.cuecard.hint.DraftRequest;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.HintDrafter;
import dev.langchain4j.data.message.ChatMessage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drafts a personal hint with an OpenAI-compatible chat endpoint (OpenAI, Ollama, LM Studio,
 * llama.cpp server, vLLM) through langchain4j's streaming client. Every outcome is a
 * {@link DraftOutcome}: a time-out to the first token, a bounded number of retries with back-off for
 * 429/5xx, and a short status for everything else ({@link RetryingChat}), so the template hint is never lost.
 */
public final class LlmHintEngine implements HintDrafter {
    private static final Logger LOG = LoggerFactory.getLogger(LlmHintEngine.class);

    private final RetryingChat chat;
    private final HintPrompt prompt;

    /**
     * @param httpExecutor runs the HTTP client's work (the caller makes it with the app's named thread
     *                     factory, so no anonymous threads appear)
     */
    public LlmHintEngine(LlmConfig config, UserContext context, Executor httpExecutor) {
        this.prompt = new HintPrompt(context, config.transcriptChars());
        this.chat = new RetryingChat(config, httpExecutor, 0.3);
    }

    @Override
    public String describe() {
        return config().model() + " at " + config().destination();
    }

    public LlmConfig config() {
        return chat.config();
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
        HintReply reply = new HintReply(new HintJsonReader(request.templateHint()), listener);
        listener.sending(config().destination(), config().offMachine());
        RetryingChat.Result<Hint> result = chat.send(messages, HintSchema.responseFormat(), reply, cancellation);
        if (result instanceof RetryingChat.Result.Answered<Hint> a) {
            return new DraftOutcome.Drafted(a.value(), a.usage());
        }
        if (result instanceof RetryingChat.Result.Failed<Hint> f) {
            return new DraftOutcome.Failed(f.status());
        }
        return new DraftOutcome.Cancelled();
    }

    /** Partial hints while the JSON streams in (each change shown once), then the complete hint. */
    private static final class HintReply implements RetryingChat.Reply<Hint> {
        private final HintJsonReader reader;
        private final DraftListener listener;
        private Hint shown;

        HintReply(HintJsonReader reader, DraftListener listener) {
            this.reader = reader;
            this.listener = listener;
        }

        @Override
        public void streamed(String soFar) {
            Optional<Hint> partial = reader.partial(soFar);
            if (partial.isPresent() && !Objects.equals(partial.get(), shown)) {
                shown = partial.get();
                listener.update(shown);
            }
        }

        @Override
        public Optional<Hint> complete(String reply) {
            try {
                return Optional.of(reader.complete(reply));
            } catch (HintJsonReader.HintFormatException e) {
                LOG.info("LLM reply is not a usable hint: {} ({} chars)", e.getMessage(), reply.length());
                return Optional.empty();
            }
        }
    }
}
