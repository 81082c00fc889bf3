package dev.cuecard.session;

import dev.cuecard.audio.Channel;

/**
 * A real SQLITE_FULL for tests outside this package: the database may not grow past its pages and
 * they are filled to the brim (rows of shrinking size), so the next session's writes cannot fit.
 */
public final class FullDisk {
    private FullDisk() {
    }

    /** Fills {@code store}'s database until not even a tiny row or a session fits; returns the filler session's id. */
    public static long fill(SessionStore store) {
        store.limitPages(store.pageCount() + 2);
        long filler = store.startSession(new SessionInfo(SessionKind.LIVE, "earlier", null, null, null, null));
        for (int size : new int[] {1000, 100, 10, 1}) {
            try {
                for (int i = 0; ; i++) {
                    store.appendUtterance(filler, new Utterance(Channel.ME, i, i + 1, ("filler" + i + " ").repeat(size)));
                }
            } catch (SessionStoreException full) {
                if (full.reason() != SessionStoreException.Reason.DISK_FULL) {
                    throw full;
                }
            }
        }
        // and the sessions table too, so even the next session's row does not fit
        while (true) {
            try {
                store.finishSession(store.startSession(new SessionInfo(SessionKind.LIVE, "earlier", null, null, null,
                        null)));
            } catch (SessionStoreException full) {
                if (full.reason() != SessionStoreException.Reason.DISK_FULL) {
                    throw full;
                }
                return filler;
            }
        }
    }

    /** Space freed: the database may grow again. */
    public static void free(SessionStore store) {
        store.limitPages(0);
    }
}
