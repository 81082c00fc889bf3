package dev.cuecard.cli;

import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.SessionStoreException;
import dev.cuecard.session.debrief.DebriefBuilder;
import java.util.Optional;

/** Opens the session database of the data folder for a command, with its notices as warnings. */
final class SessionStores {
    private SessionStores() {
    }

    static SessionStore open(Cli cli) {
        try {
            SessionStore store = SessionStore.open(cli.paths().databaseFile());
            store.notices().forEach(cli::warn);
            return store;
        } catch (SessionStoreException e) {
            throw new UserError(e.getMessage());
        }
    }

    /**
     * For commands that only read what is stored ({@code debrief list|show|export|search|review},
     * {@code practice plan}): when the data folder cannot be written (a read-only or full disk) the
     * stored sessions are still shown, read-only, with a warning that says why.
     */
    static SessionStore openForReading(Cli cli) {
        SessionStore store;
        try {
            store = SessionStore.openForReading(cli.paths().databaseFile());
        } catch (SessionStoreException e) {
            throw new UserError(e.getMessage());
        }
        store.notices().forEach(cli::warn);
        store.readOnlyReason().ifPresent(why -> {
            cli.warn(why);
            cli.warn("showing the stored sessions read-only; nothing was changed");
        });
        return store;
    }

    static DebriefBuilder debriefs(Cli cli) {
        // key points by meaning, as the live coach ticked them and the debrief window judges them
        return DebriefBuilder.byMeaning(TemplateLibrary.load(Optional.of(cli.paths().templatesDir())));
    }
}
