package dev.cuecard.ui.debrief;

import atlantafx.base.theme.PrimerLight;
import dev.cuecard.ui.CloseKeys;
import dev.cuecard.ui.ShownInParts;
import dev.cuecard.ui.SplitShare;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Stored sessions and their debriefs in one window: the session list on the left, the debrief of
 * the one selected beside it. Its nodes — a few hundred, with four charts — are {@link #prepare
 * built} off the FX thread (JavaFX allows constructing nodes on any thread until they are shown).
 * CSS and layout stay on the FX thread: control skins measure text through one shared, unlocked
 * text layout, and styling off the thread once crashed the app's own layout pass (an NPE in
 * {@code PrismTextLayout}). The app keeps one window.
 */
public final class DebriefWindow {
    public static final String TITLE = "Cuecard — debrief";
    static final double WIDTH = 1180;
    /** The session list's share of the window's width. */
    static final double SESSIONS_SHARE = 0.26;
    static final double HEIGHT = 820;
    static final double MIN_WIDTH = 760;
    static final double MIN_HEIGHT = 520;

    private DebriefWindow() {
    }

    /** Builds the window's scene, neither styled nor laid out. Any thread; not yet shown. */
    public static Scene prepare(SessionBrowserModel browser) {
        SessionBrowserView sessions = new SessionBrowserView(browser);
        StackPane debrief = new StackPane();
        debrief.setId("debrief-holder");
        // the session list is styled in the window's first frame and the debrief beside it from the next
        // (both at once were one frame of ~80 ms of FX work); a session opened before then shows at once
        Node first = content(browser.openedProperty().get()); // built here, off the FX thread
        ShownInParts.afterLayout(debrief, () -> {
            if (debrief.getChildren().isEmpty()) {
                debrief.getChildren().setAll(first);
            }
        });
        browser.openedProperty().addListener((o, a, vm) -> show(debrief, vm));
        SplitPane split = new SplitPane(sessions, debrief);
        SplitShare.keep(split, SESSIONS_SHARE);
        // the root paints the theme's background (a split pane as the root leaves the scene's white)
        Scene scene = new Scene(new javafx.scene.layout.BorderPane(split), WIDTH, HEIGHT);
        scene.getStylesheets().add(DebriefWindow.class.getResource("/dev/cuecard/ui/app.css").toExternalForm());
        CloseKeys.install(scene);
        return scene;
    }

    private static void show(StackPane holder, DebriefViewModel vm) {
        holder.getChildren().setAll(content(vm));
    }

    private static Node content(DebriefViewModel vm) {
        Node content;
        if (vm == null) {
            Label empty = new Label("No session selected. Run a session or the demo from the main window; "
                    + "each one is listed here when it ends.");
            empty.setWrapText(true);
            empty.setPadding(new Insets(24));
            content = empty;
        } else {
            content = new DebriefView(vm);
        }
        return content;
    }

    /**
     * Shows a prepared scene in the open debrief window (brought to the front), or in a new one
     * owned by {@code owner} (null for none), sized to fit beside the overlay. FX thread.
     */
    public static Stage show(Stage owner, Optional<Stage> open, Scene scene) {
        if (Application.getUserAgentStylesheet() == null) {
            // the app's theme wins when the main window has set one
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        }
        Stage stage = open.orElseGet(() -> {
            Stage s = new Stage();
            if (owner != null) {
                s.initOwner(owner);
            }
            s.setTitle(TITLE);
            s.setMinWidth(MIN_WIDTH);
            s.setMinHeight(MIN_HEIGHT);
            dev.cuecard.ui.ScreenLayout.fitCascaded(s, WIDTH, HEIGHT);
            return s;
        });
        if (stage.getScene() != scene) {
            stage.setScene(scene);
        }
        stage.show();
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
        // the list has the keyboard first: a focused search field would hide its hint
        scene.getRoot().lookupAll("#sessions").stream().findFirst().ifPresent(n -> Platform.runLater(n::requestFocus));
        return stage;
    }
}
