package dev.cuecard.ui;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where Cuecard's windows open by default, so none covers another: the overlay in a column at the
 * screen's right edge, the main, debrief and practice windows in the area left of it, shrunk to
 * fit (never below their minimum size). A place the user chose for the overlay is kept as it is.
 */
public final class ScreenLayout {
    static final double GAP = 16;

    private ScreenLayout() {
    }

    static Rectangle2D screen() {
        return Screen.getPrimary().getVisualBounds();
    }

    /** The overlay's default place: top right, below the screen edge by one gap. */
    static Rectangle2D overlay(Rectangle2D screen, double width, double height) {
        return new Rectangle2D(screen.getMaxX() - width - GAP, screen.getMinY() + GAP, width,
                Math.min(height, screen.getHeight() - 2 * GAP));
    }

    /** The part of the screen left of the overlay's default column. */
    static Rectangle2D appArea(Rectangle2D screen) {
        double width = screen.getWidth() - OverlayWindow.DEFAULT_WIDTH - 3 * GAP;
        return new Rectangle2D(screen.getMinX() + GAP, screen.getMinY() + GAP, Math.max(0, width),
                Math.max(0, screen.getHeight() - 2 * GAP));
    }

    /** How far the debrief and practice windows open from the main window's corner: its title stays in sight. */
    static final double CASCADE = 40;

    /** Sizes a window that has not been shown yet to fit the app area and places it at the area's corner. */
    public static void fit(Stage stage, double preferredWidth, double preferredHeight) {
        place(stage, preferredWidth, preferredHeight, appArea(screen()));
    }

    /**
     * As {@link #fit}, one step down and right of the main window (the debrief, practice): opened on
     * top of it exactly, it hid the window it came from.
     */
    public static void fitCascaded(Stage stage, double preferredWidth, double preferredHeight) {
        place(stage, preferredWidth, preferredHeight, cascaded(appArea(screen())));
    }

    static Rectangle2D cascaded(Rectangle2D area) {
        return new Rectangle2D(area.getMinX() + CASCADE, area.getMinY() + CASCADE, Math.max(0, area.getWidth() - CASCADE),
                Math.max(0, area.getHeight() - CASCADE));
    }

    private static void place(Stage stage, double preferredWidth, double preferredHeight, Rectangle2D area) {
        double w = Math.max(stage.getMinWidth(), Math.min(preferredWidth, area.getWidth()));
        double h = Math.max(stage.getMinHeight(), Math.min(preferredHeight, area.getHeight()));
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setX(area.getMinX());
        stage.setY(area.getMinY());
        // and again once shown: under a window manager (Openbox) GTK maps a new window at its default
        // 200×200 and the size set before showing is lost; the main window opened at its minimum size
        javafx.event.EventHandler<javafx.stage.WindowEvent> again = new javafx.event.EventHandler<>() {
            @Override
            public void handle(javafx.stage.WindowEvent e) {
                stage.removeEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, this);
                stage.setWidth(w);
                stage.setHeight(h);
            }
        };
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, again);
    }
}
