package dev.cuecard.ui.debrief;

import atlantafx.base.theme.PrimerLight;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The debrief of a stored session in its own window. Its scene — a few hundred nodes with four
 * charts, ~¼ s of CSS and layout — is {@link #prepare prepared} off the FX thread (JavaFX allows
 * building and styling a scene on any thread until it is shown); the FX thread only shows it. The
 * app keeps one window: another session replaces its scene.
 */
public final class DebriefWindow {
    static final double WIDTH = 1180;
    static final double HEIGHT = 820;

    private DebriefWindow() {
    }

    /** Builds, styles and lays out the debrief's scene. Any thread; not yet shown. */
    public static Scene prepare(DebriefViewModel model) {
        if (Application.getUserAgentStylesheet() == null) {
            // the app's theme wins when the main window has set one
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        }
        Scene scene = new Scene(new DebriefView(model), WIDTH, HEIGHT);
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return scene;
    }

    /**
     * Shows a prepared scene in the open debrief window (brought to the front), or in a new one
     * owned by {@code owner} (null for none). FX thread.
     */
    public static Stage show(Stage owner, Optional<Stage> open, Scene scene, DebriefViewModel model) {
        Stage stage = open.orElseGet(() -> {
            Stage s = new Stage();
            if (owner != null) {
                s.initOwner(owner);
            }
            return s;
        });
        stage.titleProperty().bind(model.titleProperty());
        if (stage.getScene() != scene) {
            stage.setScene(scene);
        }
        stage.show();
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
        return stage;
    }
}
