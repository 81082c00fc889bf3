package dev.cuecard.cli;

import dev.cuecard.asr.ModelException;
import dev.cuecard.live.LiveSession;
import dev.cuecard.pipeline.NamedThreadFactory;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.session.SessionStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs one session for {@code listen} and {@code replay}: stored unless {@code --no-save} (its id
 * said on stderr, as the CLI contract asks), events printed as text or JSON lines, Ctrl+C stops
 * capture and still stores what was heard.
 */
final class SessionRun {
    /** How long Ctrl+C waits for the last utterances to be recognised and stored. */
    private static final long SHUTDOWN_WAIT_SECONDS = 10;

    private SessionRun() {
    }

    /**
     * @param text the line for an event in text mode, or null for none
     * @return the channels that failed
     */
    static List<String> run(Cli cli, LiveSession.Builder session, boolean noSave, boolean json,
                            Function<PipelineEvent, String> text) {
        Optional<SessionStore> store = noSave ? Optional.empty() : Optional.of(SessionStores.open(cli));
        PrintWriter out = cli.out();
        CountDownLatch stored = new CountDownLatch(1);
        try {
            LiveSession live;
            try {
                live = session.storeIn(store).listener(event -> {
                    // stamped at once (epochMs): this listener runs as the event is emitted
                    String line = !json ? text.apply(event)
                            : EventJson.timedEvent(event, System.currentTimeMillis()).orElse(null);
                    if (line != null) {
                        synchronized (out) {
                            out.println(line);
                            out.flush();
                        }
                    }
                }).start();
            } catch (ModelException e) {
                throw new UserError(e.getMessage());
            }
            Thread hook = NamedThreadFactory.thread("shutdown", () -> {
                live.stop();
                try {
                    stored.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS); // let the main thread store the end
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                live.awaitEnd();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                live.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl+C: the hook is running and waits for the lines below
                }
            }
            if (live.sessionId() >= 0) {
                cli.err().println("cuecard: session " + live.sessionId() + " stored (review it: cuecard debrief show "
                        + live.sessionId() + ")");
                cli.err().flush();
            }
            live.failures().forEach(cli::warn);
            return live.failures();
        } finally {
            store.ifPresent(SessionStore::close);
            stored.countDown();
        }
    }
}
