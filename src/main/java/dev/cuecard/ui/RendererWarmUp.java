package dev.cuecard.ui;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Paints, once and out of sight, a small sample of what the windows' first frame is made of, before the
 * windows are built (issue 12, start-up). The main window's first frame was the longest gap of the
 * start-up (146–197 ms on a quiet machine): the FX thread waited while the renderer painted it with code
 * it ran for the first time — its classes loaded, the interpreter running them, rounded corners cached,
 * glyphs rasterized, the effects library loaded for a translucent control's offscreen image. Painted here
 * by a snapshot while the launcher thread prepares the app (DesktopApp#init) and the FX thread has
 * nothing else to do. Plain shapes and text, no controls: a sample of controls styled by the theme cost
 * the FX thread ~200 ms more than the app's preparation took, and the window came later. FX thread.
 */
final class RendererWarmUp {
    /** Off ({@code -Dcuecard.ui.rendererWarmUp=false}) for comparison. */
    static final boolean ON = Boolean.parseBoolean(System.getProperty("cuecard.ui.rendererWarmUp", "true"));
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RendererWarmUp.class);
    private static final String LETTERS = "The quick brown fox jumps over the lazy dog. THE QUICK BROWN FOX 0123456789";

    private RendererWarmUp() {
    }

    /** Paints the sample and throws it away; a failure only means a slower first frame. */
    static void paint() {
        long t0 = System.nanoTime();
        try {
            WritableImage image = sample().snapshot(null);
            LOG.debug("renderer warm-up: {}x{} painted in {} ms", (int) image.getWidth(), (int) image.getHeight(),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.debug("renderer warm-up failed: {}", e.toString());
        }
    }

    /**
     * What the windows' first frame draws, in the theme's fonts: rounded, bordered boxes with an icon and
     * text (buttons, pickers), one translucent (a disabled button), a pill, the grip's shape, regular,
     * bold and italic text at the windows' sizes, a clipped and a cached pane (lists, the card's scroll pane).
     */
    static Scene sample() {
        HBox button = box(new FontIcon(Feather.MIC), text(LETTERS, ""));
        HBox disabled = box(new FontIcon(Feather.SQUARE), text("Stop", ""));
        disabled.setOpacity(0.4); // drawn through an offscreen image, as Start, Stop and Pause are at start-up
        Region pill = new Region();
        pill.setStyle("-fx-background-color: #57606a; -fx-background-radius: 999;");
        pill.setPrefSize(60, 18);
        Region grip = new Region();
        grip.setStyle("-fx-shape: \"M 16 4 L 4 16 L 6 16 L 16 6 Z M 16 9 L 9 16 L 11 16 L 16 11 Z\";"
                + " -fx-background-color: #8b949e;");
        grip.setPrefSize(18, 18);
        VBox clipped = new VBox(text(LETTERS, "-fx-font-weight: bold;"), text(LETTERS, "-fx-font-style: italic;"));
        clipped.setClip(new Rectangle(240, 30));
        VBox cached = new VBox(text(LETTERS, "-fx-font-size: 13px;"), text(LETTERS, "-fx-font-size: 10.4px;"),
                text(LETTERS, "-fx-font-size: 11.1px;"), text(LETTERS, "-fx-font-size: 18.2px; -fx-font-weight: bold;"));
        cached.setCache(true);
        VBox root = new VBox(2, new HBox(4, button, disabled, pill, grip), clipped, cached);
        root.setStyle("-fx-background-color: -color-bg-default;");
        return new Scene(root, 240, 150);
    }

    private static HBox box(FontIcon icon, Text label) {
        HBox box = new HBox(4, icon, label);
        box.setPadding(new Insets(4, 8, 4, 8));
        box.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 6;"
                + " -fx-border-color: -color-border-default; -fx-border-radius: 6;");
        return box;
    }

    private static Text text(String s, String style) {
        Text t = new Text(s);
        t.setStyle("-fx-fill: -color-fg-default; " + style);
        return t;
    }
}
