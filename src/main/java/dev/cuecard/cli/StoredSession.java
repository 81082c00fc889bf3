package dev.cuecard.cli;

import dev.cuecard.pipeline.PipelineListener;
import dev.cuecard.session.SessionInfo;
import dev.cuecard.session.SessionRecorder;
import dev.cuecard.session.SessionStore;

/**
 * The session a command stores while its pipeline runs ({@code --no-save}: none); on close it says
 * on stderr which id it got, as the CLI contract asks.
 */
final class StoredSession implements AutoCloseable {
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
        recorder = SessionRecorder.start(store, info);
        return recorder;
    }

    @Override
    public void close() {
        if (recorder != null) {
            recorder.close();
            cli.err().println("cuecard: session " + recorder.sessionId() + " stored (review it: cuecard debrief show "
                    + recorder.sessionId() + ")");
            cli.err().flush();
        }
        if (store != null) {
            store.close();
        }
    }
}
