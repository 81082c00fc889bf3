package dev.cuecard.hint;

/** Progress of one draft, reported on the drafting thread. */
public interface DraftListener {

    /**
     * Text is about to leave for the endpoint (once per draft, before the first request).
     *
     * @param destination host and port of the endpoint
     * @param offMachine  false for a server on this machine (localhost)
     */
    void sending(String destination, boolean offMachine);

    /** A partial hint: what has arrived so far, growing with every call. */
    void update(Hint partial);

    /** A listener that ignores progress (the CLI waits for the outcome only). */
    static DraftListener ignoring() {
        return new DraftListener() {
            @Override
            public void sending(String destination, boolean offMachine) {
            }

            @Override
            public void update(Hint partial) {
            }
        };
    }
}
