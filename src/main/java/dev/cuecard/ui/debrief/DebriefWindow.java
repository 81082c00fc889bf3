package dev.cuecard.ui.debrief;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The debrief of a stored session in its own window. The app keeps one: asking again for the
 * session it shows brings it to the front; another session replaces its content. Call on the FX
 * thread with a view model {@link DebriefViewModel#load loaded} in the background.
 */
public final class DebriefWindow {
    private DebriefWindow() {
    }

    /** A new debrief window, owned by the main window (null for none). */
    public static Stage show(Stage owner, DebriefViewModel model) {
        if (Application.getUserAgentStylesheet() == null) {
            // the app's theme wins when the main window has set one
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        }
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setScene(new Scene(new DebriefView(model), 1180, 820));
        showIn(stage, model);
        return stage;
    }

    /** Shows {@code model} in an open debrief window and brings it to the front. */
    public static void showIn(Stage stage, DebriefViewModel model) {
        stage.titleProperty().bind(model.titleProperty());
        if (!(stage.getScene().getRoot() instanceof DebriefView v) || v.model() != model) {
            stage.getScene().setRoot(new DebriefView(model));
        }
        stage.show();
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
    }
}
