package dev.cuecard.cli;

import dev.cuecard.asr.ModelException;
import dev.cuecard.live.LiveSession;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.session.SessionRecorder;
import dev.cuecard.session.SessionStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs one session for {@code listen} and {@code replay}: stored unless {@code --no-save} (its id
 * said on stderr, as the CLI contract asks), events printed as text or JSON lines, Ctrl+C stops
 * capture and still stores what was heard (a replay stopped before the end of its recording as
 * "stopped", its last line saying how much was heard). Storage trouble is warned about when it happens; a
 * session that ends with writes lost fails the command (exit 74) with one line saying what was lost
 * and why — never "stored".
 */
final class SessionRun {
    /** Exit status when the session could not be stored completely (sysexits EX_IOERR). */
    static final int STORAGE_FAILED = 74;
    /** How long Ctrl+C waits for the last utterances to be recognised and stored, and the outcome said. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);

    private SessionRun() {
    }

    /**
     * @param stopHook installed when the command began; a Ctrl+C before this call means no session at all
     * @param text the line for an event in text mode, or null for none
     * @return the channels that failed
     */
    static List<String> run(Cli cli, StopHook stopHook, LiveSession.Builder session, boolean noSave, boolean json,
                            Function<PipelineEvent, String> text) {
        if (!stopHook.begin()) {
            return List.of(); // the JVM is ending; the hook has said so
        }
        Optional<SessionStore> store = noSave ? Optional.empty() : Optional.of(SessionStores.open(cli));
        PrintWriter out = cli.out();
        // the outcome after close says it once; until then problems are warned about as they happen
        AtomicBoolean closing = new AtomicBoolean();
        try {
            LiveSession live;
            try {
                live = session.storeIn(store).storageProblems(m -> {
                    if (!closing.get()) {
                        cli.warn(m);
                    }
                }).listener(event -> {
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
            stopHook.stopsWith(live::stop);
            try {
                live.awaitEnd();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closing.set(true);
                live.close();
            }
            live.failures().forEach(cli::warn);
            Optional<SessionRecorder.Outcome> storage = live.storage();
            if (storage.isPresent() && !storage.get().complete()) {
                throw new UserError(storage.get().summary().orElseThrow(), STORAGE_FAILED);
            }
            storage.ifPresent(s -> {
                long id = s.sessionId().getAsLong();
                // a replay stopped before the end of its recording says how much was heard
                cli.err().println("cuecard: session " + id + " stored" + s.stopped().map(st -> " — " + st.describe())
                        .orElse("") + " (review it: cuecard debrief show " + id + ")");
                cli.err().flush();
            });
            if (storage.isEmpty()) {
                live.stoppedAt().ifPresent(st -> {
                    cli.err().println("cuecard: " + st.describe() + " (not stored: --no-save)");
                    cli.err().flush();
                });
            }
            return live.failures();
        } finally {
            store.ifPresent(SessionStore::close);
        }
    }
}
