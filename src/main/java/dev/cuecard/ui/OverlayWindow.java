package dev.cuecard.ui;

import dev.cuecard.config.UiSettings;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.HintSource;
import dev.cuecard.question.Classification;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;

/**
 * The always-on-top cue card: undecorated, translucent, draggable anywhere, resizable from the
 * corner, remembers where it was on each screen. Bound to {@link LiveSessionModel}; holds no state.
 */
public final class OverlayWindow {
    static final double DEFAULT_WIDTH = 420;
    static final double DEFAULT_HEIGHT = 300;

    private final Stage stage = new Stage(StageStyle.TRANSPARENT);
    private final LiveSessionModel model;
    private final Label heard = new Label();
    private final Label category = new Label();
    private final Label title = new Label();
    private final Label gist = new Label();
    private final Label source = new Label();
    private final Label sending = new Label("↑ sending to LLM");
    private final Label latency = new Label();
    private final Label status = new Label();
    private final Label levelName = new Label();
    private final CardView card = new CardView();
    private final CoachPanel coach;
    private final VBox root = new VBox();
    private double dragX;
    private double dragY;

    public OverlayWindow(LiveSessionModel model, UiSettings ui, Consumer<UiSettings.WindowBounds> savePlace) {
        this.model = model;
        stage.setTitle("Cuecard overlay");
        stage.setAlwaysOnTop(true);
        stage.setOpacity(ui.opacity());

        Label assist = new Label();
        assist.getStyleClass().add("assist");
        // says plainly whether Cuecard is listening right now
        assist.textProperty().bind(javafx.beans.binding.Bindings.when(
                model.listeningProperty().and(model.pausedProperty().not()))
                .then("● assist active").otherwise("○ not listening"));
        category.getStyleClass().add("chip");
        source.getStyleClass().add("chip");
        sending.getStyleClass().add("sending");
        sending.visibleProperty().bind(model.sendingToLlmProperty());
        sending.managedProperty().bind(sending.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, assist, category, spacer, sending, source);
        header.setAlignment(Pos.CENTER_LEFT);

        heard.getStyleClass().add("heard");
        heard.setWrapText(true);
        title.getStyleClass().add("title");
        title.setWrapText(true);
        gist.getStyleClass().add("gist");
        gist.setWrapText(true);
        ScrollPane scroll = new ScrollPane(card);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: transparent;");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        latency.getStyleClass().add("small");
        levelName.getStyleClass().add("small");
        status.getStyleClass().add("status");
        Region grip = new Region();
        grip.getStyleClass().add("grip");
        grip.setMinSize(14, 14);
        Region footerSpacer = new Region();
        HBox.setHgrow(footerSpacer, Priority.ALWAYS);
        HBox footer = new HBox(8, latency, status, footerSpacer, levelName, grip);
        footer.setAlignment(Pos.CENTER_LEFT);

        root.getStyleClass().add("overlay");
        coach = new CoachPanel(model);
        root.getChildren().addAll(header, heard, title, gist, scroll, coach, footer);
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", 13 * ui.scale()));
        StackPane frame = new StackPane(root);
        frame.setStyle("-fx-background-color: transparent;");
        Scene scene = new Scene(frame, DEFAULT_WIDTH, DEFAULT_HEIGHT, Color.TRANSPARENT);
        scene.getStylesheets().add(OverlayWindow.class.getResource("/dev/cuecard/ui/overlay.css").toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(260);
        stage.setMinHeight(120);

        enableDrag(root);
        enableResize(grip);
        placeOnScreen(ui);
        rememberPlace(savePlace);

        javafx.beans.InvalidationListener rerender = o -> render();
        model.shownProperty().addListener((o, old, now) -> {
            // follow the shown card's own changes too: streamed hint, LLM status
            if (old != null) {
                old.hintProperty().removeListener(rerender);
                old.statusProperty().removeListener(rerender);
                old.classificationProperty().removeListener(rerender);
            }
            if (now != null) {
                now.hintProperty().addListener(rerender);
                now.statusProperty().addListener(rerender);
                now.classificationProperty().addListener(rerender);
            }
            render();
        });
        model.levelProperty().addListener((o, a, b) -> render());
        model.listeningProperty().addListener((o, a, b) -> render());
        model.overlayVisibleProperty().addListener((o, a, visible) -> {
            if (visible) {
                stage.show();
            } else {
                stage.hide();
            }
        });
        render();
    }

    private void render() {
        QuestionCard shown = model.shownProperty().get();
        levelName.setText(model.levelProperty().get().id().replace('_', ' '));
        if (shown == null) {
            heard.setText("");
            category.setText("listening");
            boolean listening = model.listeningProperty().get();
            title.setText(listening ? "Listening…" : "Ready");
            gist.setText(listening ? "The card appears as soon as the interviewer asks a question."
                    : "Press Start (or Demo) in the main window; the card appears when a question is asked.");
            source.setText("");
            source.setVisible(false);
            latency.setText("");
            status.setText("");
            card.show(null, model.levelProperty().get());
            return;
        }
        Classification c = shown.classification();
        heard.setText("“" + c.text() + "”");
        category.setText(String.format(Locale.ROOT, "%s · %.0f%%", c.category().id().replace('_', ' '),
                c.confidence() * 100));
        Hint h = shown.hint();
        title.setText(h == null ? "…" : h.title());
        gist.setText(h == null ? "" : h.gist());
        source.setVisible(h != null);
        if (h != null) {
            boolean llm = h.source() == HintSource.LLM;
            source.setText(llm ? "LLM" : "template");
            source.getStyleClass().setAll("label", "chip", llm ? "badge-llm" : "badge-template");
        }
        latency.setText(shown.latencyProperty().get());
        status.setText(shown.statusProperty().get());
        card.show(h, model.levelProperty().get());
    }

    private void enableDrag(VBox node) {
        node.setOnMousePressed(e -> {
            dragX = e.getScreenX() - stage.getX();
            dragY = e.getScreenY() - stage.getY();
        });
        node.setOnMouseDragged(e -> {
            stage.setX(e.getScreenX() - dragX);
            stage.setY(e.getScreenY() - dragY);
        });
    }

    private void enableResize(Region grip) {
        grip.setOnMousePressed(e -> e.consume());
        grip.setOnMouseDragged(e -> {
            resizeTo(e.getScreenX() - stage.getX(), e.getScreenY() - stage.getY());
            e.consume();
        });
    }

    /** Resizes the card, never below its minimum size. */
    void resizeTo(double width, double height) {
        double w = Math.max(stage.getMinWidth(), width);
        double h = Math.max(stage.getMinHeight(), height);
        stage.setWidth(w);
        stage.setHeight(h);
    }

    static String screenKey(Rectangle2D b) {
        return String.format(Locale.ROOT, "%.0fx%.0f@%.0f,%.0f", b.getWidth(), b.getHeight(), b.getMinX(), b.getMinY());
    }

    private void placeOnScreen(UiSettings ui) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        UiSettings.WindowBounds saved = ui.bounds().get(screenKey(Screen.getPrimary().getBounds()));
        if (saved != null) {
            stage.setX(saved.x());
            stage.setY(saved.y());
            resizeTo(saved.width(), saved.height());
        } else {
            stage.setX(screen.getMaxX() - DEFAULT_WIDTH - 24);
            stage.setY(screen.getMinY() + 24);
        }
    }

    private void rememberPlace(Consumer<UiSettings.WindowBounds> savePlace) {
        PauseTransition debounce = new PauseTransition(Duration.millis(600));
        debounce.setOnFinished(e -> savePlace.accept(new UiSettings.WindowBounds(stage.getX(), stage.getY(),
                stage.getWidth(), stage.getHeight())));
        stage.xProperty().addListener((o, a, b) -> debounce.playFromStart());
        stage.yProperty().addListener((o, a, b) -> debounce.playFromStart());
        stage.widthProperty().addListener((o, a, b) -> debounce.playFromStart());
        stage.heightProperty().addListener((o, a, b) -> debounce.playFromStart());
    }

    /** The key under which this overlay's place is stored (the screen it is on). */
    String currentScreenKey() {
        return Screen.getScreensForRectangle(stage.getX(), stage.getY(), 1, 1).stream().findFirst()
                .map(s -> screenKey(s.getBounds())).orElse(screenKey(Screen.getPrimary().getBounds()));
    }

    public void setOpacity(double opacity) {
        stage.setOpacity(opacity);
    }

    public void setFontScale(double scale) {
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", 13 * scale));
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        if (model.overlayVisibleProperty().get()) {
            stage.show();
        }
    }

    // visible for tests
    Label titleLabel() {
        return title;
    }

    Label statusLabel() {
        return status;
    }

    CardView cardView() {
        return card;
    }

    CoachPanel coachPanel() {
        return coach;
    }
}
