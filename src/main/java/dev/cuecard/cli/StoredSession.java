package dev.cuecard.cli;

import dev.cuecard.pipeline.PipelineListener;
import dev.cuecard.session.SessionInfo;
import dev.cuecard.session.SessionRecorder;
import dev.cuecard.session.SessionStore;

/**
 * The session a command stores while its pipeline runs ({@code --no-save}: none); on close it says
 * on stderr which id it got, as the CLI contract asks. Storage trouble is reported on stderr when it
 * happens; a session that ends with writes lost is a failure of the command (exit 74) with one line
 * saying what was lost and why — never "stored".
 */
final class StoredSession implements AutoCloseable {
    /** Exit status when the session could not be stored completely (sysexits EX_IOERR). */
    static final int STORAGE_FAILED = 74;
    private final Cli cli;
    private final SessionStore store;
    private SessionRecorder recorder;

    private StoredSession(Cli cli, SessionStore store) {
        this.cli = cli;
        this.store = store;
    }

    static StoredSession open(Cli cli, boolean noSave) {
        return new StoredSession(cli, noSave ? null : SessionStores.open(cli));
    }

    /** Starts recording; the listener to add to the pipeline (a no-op without storage). */
    PipelineListener start(SessionInfo info) {
        if (store == null) {
            return e -> { };
        }
        recorder = SessionRecorder.start(store, info, cli::warn);
        return recorder;
    }

    @Override
    public void close() {
        SessionRecorder.Outcome outcome = null;
        try {
            if (recorder != null) {
                recorder.reportProblemsTo(m -> { }); // the outcome below says it once
                outcome = recorder.closeAndReport();
            }
        } finally {
            if (store != null) {
                store.close();
            }
        }
        if (outcome == null) {
            return;
        }
        if (!outcome.complete()) {
            throw new UserError(outcome.summary().orElseThrow(), STORAGE_FAILED);
        }
        long id = outcome.sessionId().getAsLong();
        cli.err().println("cuecard: session " + id + " stored (review it: cuecard debrief show " + id + ")");
        cli.err().flush();
    }
}
