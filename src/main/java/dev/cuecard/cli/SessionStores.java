package dev.cuecard.cli;

import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.SessionStoreException;
import dev.cuecard.session.debrief.AnswerFeedbackRater;
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

    static DebriefBuilder debriefs(Cli cli) {
        // key points by meaning, as the live coach ticked them
        return new DebriefBuilder(AnswerFeedbackRater.semantic(),
                TemplateLibrary.load(Optional.of(cli.paths().templatesDir())));
    }
}
