package dev.cuecard.ui;

import dev.cuecard.config.UiSettings;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.HintSource;
import dev.cuecard.question.Classification;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
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
 * corner grip (or Shift+arrows), remembers where it was on each screen. Bound to
 * {@link LiveSessionModel}; holds no state.
 *
 * <p>Layout, top to bottom: a header of pills that wrap (listening state, "sending to LLM", the
 * category, the card's source); the card, which scrolls — what was heard, the title, the gist
 * (largest), a slot for one more node ({@link #host}, e.g. the answer coach), the sections; and a
 * footer (LLM status, detail level and latency). Header and footer keep their size and every text
 * wraps, so at any font scale and size nothing is cut: the card scrolls instead.
 */
public final class OverlayWindow {
    static final double DEFAULT_WIDTH = 420;
    static final double DEFAULT_HEIGHT = 320;
    static final double MIN_WIDTH = 280;
    static final double MIN_HEIGHT = 200;
    /** Pixels moved or resized per arrow key press. */
    static final double KEY_STEP = 20;

    private final Stage stage = new Stage(StageStyle.TRANSPARENT);
    private final LiveSessionModel model;
    private final Label heard = new Label();
    private final Label category = new Label();
    private final Label title = new Label();
    private final Label gist = new Label();
    private final Label source = new Label();
    private final Label sending = new Label("↑ Sending to LLM");
    private final Label info = new Label();
    private final Label status = new Label();
    private final Label pill;
    private final CardView card = new CardView();
    private final VBox slot = new VBox();
    private final ScrollPane scroll;
    private final CoachPanel coach;
    private final VBox root = new VBox();
    private final Region grip = new Region();
    private double dragX;
    private double dragY;

    public OverlayWindow(LiveSessionModel model, UiSettings ui, Consumer<UiSettings.WindowBounds> savePlace) {
        this.model = model;
        stage.setTitle("Cuecard overlay");
        stage.setAlwaysOnTop(true);
        stage.setOpacity(ui.opacity());

        pill = ListeningState.pill(model.listeningProperty(), model.pausedProperty());
        category.getStyleClass().add("chip");
        category.setId("category");
        source.getStyleClass().add("chip");
        sending.getStyleClass().addAll("pill", "pill-sending");
        sending.setId("sending");
        sending.visibleProperty().bind(model.sendingToLlmProperty());
        sending.managedProperty().bind(sending.visibleProperty());
        for (Label chip : List.of(pill, category, source, sending)) {
            chip.setMinWidth(Region.USE_PREF_SIZE); // a pill wraps to the next row rather than lose letters
        }
        FlowPane header = new FlowPane(6, 4, pill, sending, category, source);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setMinHeight(Region.USE_PREF_SIZE);

        heard.getStyleClass().add("heard");
        title.getStyleClass().add("title");
        gist.getStyleClass().add("gist");
        heard.setId("heard");
        title.setId("title");
        gist.setId("gist");
        for (Label l : List.of(heard, title, gist, info, status)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.setMaxWidth(Double.MAX_VALUE);
        }
        slot.setId("card-slot");
        VBox content = new VBox(6, heard, title, gist, slot, card);
        content.setFillWidth(true);
        scroll = new ScrollPane(content);
        scroll.setId("card-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinHeight(0);
        scroll.setFocusTraversable(false);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        info.getStyleClass().add("small");
        info.setId("info");
        status.getStyleClass().add("status");
        status.setId("llm-status");
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        VBox footer = new VBox(2, status, info);
        footer.setMinHeight(Region.USE_PREF_SIZE);
        footer.setPadding(new javafx.geometry.Insets(0, 18, 0, 0)); // the grip's corner

        grip.getStyleClass().add("grip");
        grip.setId("grip");
        grip.setMinSize(18, 18);
        grip.setMaxSize(18, 18);
        grip.setAccessibleText("Resize the card (or Shift+arrow keys)");

        root.getStyleClass().add("overlay");
        // the answer coach lives in the card's slot: it scrolls with the card and never pushes the footer out
        coach = new CoachPanel(model);
        host(coach);
        root.getChildren().addAll(header, scroll, footer);
        root.setFocusTraversable(true);
        root.setAccessibleText("Cuecard cue card: arrow keys move it, Shift+arrows resize it");
        setFontScale(ui.scale());
        StackPane frame = new StackPane(root, grip);
        StackPane.setAlignment(grip, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(grip, new javafx.geometry.Insets(0, 5, 5, 0));
        frame.setStyle("-fx-background-color: transparent;");
        Scene scene = new Scene(frame, DEFAULT_WIDTH, defaultHeight(ui.scale()), Color.TRANSPARENT);
        scene.getStylesheets().add(OverlayWindow.class.getResource("/dev/cuecard/ui/overlay.css").toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);

        enableDrag(root);
        enableResize(grip);
        enableKeys(root);
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
        model.pausedProperty().addListener((o, a, b) -> render());
        model.overlayVisibleProperty().addListener((o, a, visible) -> {
            if (visible) {
                stage.show();
            } else {
                stage.hide();
            }
        });
        render();
    }

    /**
     * Hosts one more node in the card area, below the gist and above the sections (the answer
     * coach); it scrolls with the card. Replaces what was hosted before.
     */
    public void host(javafx.scene.Node node) {
        slot.getChildren().setAll(node);
    }

    private void render() {
        QuestionCard shown = model.shownProperty().get();
        String level = model.levelProperty().get().id().replace('_', ' ');
        if (shown == null) {
            heard.setText("");
            heard.setManaged(false);
            category.setText("");
            category.setVisible(false);
            category.setManaged(false);
            ListeningState state = ListeningState.of(model.listeningProperty().get(), model.pausedProperty().get());
            title.setText(switch (state) {
                case LISTENING -> "Listening…";
                case PAUSED -> "Paused";
                case OFF -> "Ready";
            });
            gist.setText(switch (state) {
                case LISTENING -> "The card appears as soon as the interviewer asks a question.";
                case PAUSED -> "Nothing is heard or stored until you resume.";
                case OFF -> "Press Start (or Demo) in the main window; the card appears when a question is asked.";
            });
            source.setText("");
            source.setVisible(false);
            source.setManaged(false);
            info.setText("Detail: " + level);
            status.setText("");
            card.show(null, model.levelProperty().get());
            return;
        }
        Classification c = shown.classification();
        heard.setManaged(true);
        heard.setText("“" + c.text() + "”");
        category.setVisible(true);
        category.setManaged(true);
        category.setText(String.format(Locale.ROOT, "%s · %.0f%%", Labels.category(c.category()), c.confidence() * 100));
        Hint h = shown.hint();
        title.setText(h == null ? "…" : h.title());
        gist.setText(h == null ? "" : h.gist());
        source.setVisible(h != null);
        source.setManaged(h != null);
        if (h != null) {
            boolean llm = h.source() == HintSource.LLM;
            source.setText(llm ? "LLM" : "template");
            source.getStyleClass().setAll("label", "chip", llm ? "badge-llm" : "badge-template");
        }
        String latency = shown.latencyProperty().get();
        info.setText("Detail: " + level + (latency == null || latency.isBlank() ? "" : " · " + latency));
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

    /** Keyboard-only use: arrows move the card, Shift+arrows resize it, Page Up/Down scroll it. */
    private void enableKeys(VBox node) {
        node.setOnMouseClicked(e -> node.requestFocus());
        node.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            double dx = e.getCode() == KeyCode.LEFT ? -KEY_STEP : e.getCode() == KeyCode.RIGHT ? KEY_STEP : 0;
            double dy = e.getCode() == KeyCode.UP ? -KEY_STEP : e.getCode() == KeyCode.DOWN ? KEY_STEP : 0;
            if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                return; // the hotkeys' chords
            }
            if (dx != 0 || dy != 0) {
                if (e.isShiftDown()) {
                    resizeTo(stage.getWidth() + dx, stage.getHeight() + dy);
                } else {
                    stage.setX(stage.getX() + dx);
                    stage.setY(stage.getY() + dy);
                }
                e.consume();
            } else if (e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.PAGE_UP) {
                double step = scroll.getViewportBounds().getHeight() / Math.max(1, scroll.getContent().getBoundsInLocal().getHeight());
                scroll.setVvalue(Math.max(0, Math.min(1, scroll.getVvalue() + (e.getCode() == KeyCode.PAGE_DOWN ? step : -step))));
                e.consume();
            }
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

    /**
     * Taller with a larger font, in the same column: at 1.6× the card's gist alone filled the default
     * height, its outline all below the fold. (A place the user chose keeps its size.)
     */
    static double defaultHeight(double fontScale) {
        return DEFAULT_HEIGHT * Math.max(1, fontScale);
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
            // beside the app's own windows, never over them (ScreenLayout)
            Rectangle2D place = ScreenLayout.overlay(screen, DEFAULT_WIDTH, defaultHeight(ui.scale()));
            stage.setX(place.getMinX());
            stage.setY(place.getMinY());
            resizeTo(place.getWidth(), place.getHeight());
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

    /**
     * The look chosen in the settings: opacity and font scale, and — while the card is in its default
     * place on this screen (never moved or resized) — the height that goes with the scale.
     */
    public void applyLook(UiSettings ui) {
        setOpacity(ui.opacity());
        setFontScale(ui.scale());
        if (!ui.bounds().containsKey(currentScreenKey())) {
            Rectangle2D place = ScreenLayout.overlay(Screen.getPrimary().getVisualBounds(), DEFAULT_WIDTH,
                    defaultHeight(ui.scale()));
            resizeTo(place.getWidth(), place.getHeight());
        }
    }

    public void setOpacity(double opacity) {
        stage.setOpacity(opacity);
    }

    public void setFontScale(double scale) {
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * scale));
    }

    /** The card's font size at scale 1 (the settings scale it, {@code UiSettings.MIN_FONT_SCALE}..{@code MAX_FONT_SCALE}). */
    static final double BASE_FONT_PX = 13;

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

    Label pillLabel() {
        return pill;
    }

    VBox root() {
        return root;
    }

    CardView cardView() {
        return card;
    }

    CoachPanel coachPanel() {
        return coach;
    }
}
