package dev.cuecard.ui;

import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToolBar;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Paints, once and out of sight, a sample of what the windows' first frame is made of, before the
 * windows are built (issue 12, start-up). The main window's first frame was the longest gap of the
 * start-up (146–197 ms): the FX thread waited while the renderer painted it with code it ran for the
 * first time — its classes loaded, the interpreter running them, the theme's rounded corners cached,
 * the fonts' glyphs rasterized, a translucent (disabled) button's offscreen image needing the effects
 * library. Painted here by a snapshot, while the launcher thread prepares the app (DesktopApp#init)
 * and the FX thread has nothing else to do; the windows' first frame then only paints. FX thread.
 */
final class RendererWarmUp {
    /** Off ({@code -Dcuecard.ui.rendererWarmUp=false}) for comparison. */
    static final boolean ON = Boolean.parseBoolean(System.getProperty("cuecard.ui.rendererWarmUp", "true"));
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RendererWarmUp.class);
    /** Letters, digits and the punctuation the windows show: their glyphs are rasterized once, here. */
    private static final String TEXT = "The quick brown fox jumps over the lazy dog; THE QUICK BROWN FOX "
            + "JUMPS OVER THE LAZY DOG. 0123456789 … — “Ready” (none) 42% · ↑";

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
     * The main window's kinds of controls and the cue card's labels, with both windows' stylesheets and
     * font sizes: a toolbar of icon buttons, one disabled; bold, italic and muted text; a list with its
     * placeholder; a device picker; the card in a scroll pane (a cached, clipped viewport); the grip.
     */
    static Scene sample() {
        Button on = new Button(TEXT, new FontIcon(Feather.MIC));
        Button off = new Button("Stop", new FontIcon(Feather.SQUARE));
        off.setDisable(true); // drawn translucent: an offscreen image of its own, as Start/Stop/Pause at start-up
        Label bold = new Label(TEXT);
        bold.getStyleClass().add("section-title");
        Label italic = new Label(TEXT);
        italic.setStyle("-fx-text-fill: -color-fg-subtle; -fx-font-style: italic;");
        Label muted = new Label(TEXT);
        muted.setStyle("-fx-font-size: 0.9em; -fx-text-fill: -color-fg-muted;");
        ListView<String> list = new ListView<>();
        list.setPlaceholder(new Label(TEXT));
        list.setPrefHeight(60);
        ComboBox<String> picker = new ComboBox<>();
        picker.getItems().add(TEXT);
        picker.getSelectionModel().select(0);

        VBox card = new VBox(4);
        card.getStyleClass().add("overlay");
        card.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", OverlayWindow.BASE_FONT_PX));
        for (String style : List.of("heard", "title", "gist", "small", "chip", "pill", "status")) {
            Label l = new Label(TEXT);
            l.getStyleClass().add(style);
            card.getChildren().add(l);
        }
        ScrollPane scroll = new ScrollPane(card);
        scroll.setPrefHeight(140);
        Region grip = new Region();
        grip.getStyleClass().add("grip");
        grip.setMinSize(18, 18);
        grip.setMaxSize(18, 18);

        VBox root = new VBox(4, new ToolBar(on, off), bold, italic, muted, list, picker, scroll, grip);
        Scene scene = new Scene(root, 480, 420);
        scene.getStylesheets().addAll(RendererWarmUp.class.getResource("/dev/cuecard/ui/app.css").toExternalForm(),
                RendererWarmUp.class.getResource("/dev/cuecard/ui/overlay.css").toExternalForm());
        return scene;
    }
}
