package dev.cuecard.ui.debrief;

import atlantafx.base.theme.PrimerLight;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.debrief.AnswerFeedbackRater;
import dev.cuecard.session.debrief.DebriefBuilder;
import dev.cuecard.question.TemplateLibrary;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Opens the debrief of a stored session in its own window. Call on the FX thread. */
public final class DebriefWindow {
    private DebriefWindow() {
    }

    /** The debrief window of a session, owned by the main window (null for none). */
    public static Stage show(Stage owner, SessionStore store, long sessionId) {
        return show(owner, new DebriefViewModel(store, sessionId,
                new DebriefBuilder(AnswerFeedbackRater.shipped(), TemplateLibrary.shipped())));
    }

    public static Stage show(Stage owner, DebriefViewModel model) {
        if (Application.getUserAgentStylesheet() == null) {
            // the app's theme wins when the main window has set one
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        }
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.titleProperty().bind(model.titleProperty());
        stage.setScene(new Scene(new DebriefView(model), 1180, 820));
        stage.show();
        return stage;
    }
}
