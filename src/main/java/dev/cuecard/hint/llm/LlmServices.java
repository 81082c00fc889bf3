package dev.cuecard.hint.llm;

import dev.cuecard.config.UserContext;
import dev.cuecard.question.UtteranceClassifier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The LLM clients of one run of the app or of one command, built on ONE HTTP thread pool, which
 * {@link #close()} shuts down at exit. Exists only when an endpoint is configured, so holding none
 * means nothing can leave the machine.
 */
public final class LlmServices implements AutoCloseable {
    private final LlmConfig config;
    private final UserContext context;
    private final ExecutorService http;
    private LlmHintEngine hints;

    /** @param threads makes the HTTP pool's threads (the app's named thread factory) */
    public LlmServices(LlmConfig config, UserContext context, ThreadFactory threads) {
        this.config = config;
        this.context = context;
        this.http = Executors.newCachedThreadPool(threads);
    }

    public LlmConfig config() {
        return config;
    }

    /** The hint drafter (one per run: it remembers whether the endpoint accepts JSON schemas). */
    public synchronized LlmHintEngine hintEngine() {
        if (hints == null) {
            hints = new LlmHintEngine(config, context, http);
        }
        return hints;
    }

    /** A JSON-answer chat for reviews and practice feedback. */
    public JsonChat chat() {
        return new JsonChat(config, http);
    }

    /** One real request that says in a line whether the endpoint works (the settings' Test button). */
    public String checkConnection(UtteranceClassifier classifier) {
        return ConnectionCheck.run(config, classifier, http);
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
