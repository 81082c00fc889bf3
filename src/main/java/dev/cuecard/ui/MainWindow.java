package dev.cuecard.ui;

import dev.cuecard.audio.AudioDevice;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.DeviceCatalog;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Start/stop/pause, device pickers with level meters, the live transcript of both channels and the
 * detected questions. A thin view over {@link LiveSessionModel}; actions go to {@link Actions}.
 */
public final class MainWindow {
    static final String NO_DEVICE = "(none)";

    /** What the window's buttons ask for; the app decides how. */
    public interface Actions {
        void start(Optional<String> themDevice, Optional<String> meDevice);

        void startDemo();

        void stop();

        void setPaused(boolean paused);

        void openSettings();

        void openDebrief();

        void openPractice();
    }

    private final Stage stage;
    private final ComboBox<String> themDevice = new ComboBox<>();
    private final ComboBox<String> meDevice = new ComboBox<>();
    private final Label audioHelp = new Label();

    public MainWindow(Stage stage, LiveSessionModel model, Actions actions, Optional<String> savedThem,
                      Optional<String> savedMe) {
        this.stage = stage;
        Button start = new Button("Start", new FontIcon(Feather.MIC));
        start.setDefaultButton(true);
        Button demo = new Button("Demo", new FontIcon(Feather.PLAY_CIRCLE));
        Button stop = new Button("Stop", new FontIcon(Feather.SQUARE));
        ToggleButton pause = new ToggleButton("Pause", new FontIcon(Feather.PAUSE));
        ToggleButton overlay = new ToggleButton("Overlay", new FontIcon(Feather.LAYERS));
        Button settings = new Button("Settings", new FontIcon(Feather.SETTINGS));
        Button debrief = new Button("Debrief", new FontIcon(Feather.BOOK_OPEN));
        debrief.setOnAction(e -> actions.openDebrief());
        Button practice = new Button("Practice", new FontIcon(Feather.TARGET));
        practice.setOnAction(e -> actions.openPractice());
        start.disableProperty().bind(model.listeningProperty());
        demo.disableProperty().bind(model.listeningProperty());
        stop.disableProperty().bind(model.listeningProperty().not());
        pause.disableProperty().bind(model.listeningProperty().not());
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        overlay.selectedProperty().bindBidirectional(model.overlayVisibleProperty());
        start.setOnAction(e -> actions.start(choice(themDevice), choice(meDevice)));
        demo.setOnAction(e -> actions.startDemo());
        stop.setOnAction(e -> actions.stop());
        pause.selectedProperty().addListener((o, a, paused) -> actions.setPaused(paused));
        settings.setOnAction(e -> actions.openSettings());
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        Region grow = new Region();
        javafx.scene.layout.HBox.setHgrow(grow, Priority.ALWAYS);
        Label assist = new Label("● assist active");
        assist.setStyle("-fx-text-fill: -color-success-fg;");
        assist.visibleProperty().bind(model.listeningProperty().and(model.pausedProperty().not()));
        ToolBar toolbar = new ToolBar(start, demo, stop, pause, new Separator(Orientation.VERTICAL), overlay,
                settings, debrief, practice, grow, assist, status);

        // the saved choices at once; the device list comes from the background (showDevices)
        fill(themDevice, savedThem.stream().toList(), savedThem);
        fill(meDevice, savedMe.stream().toList(), savedMe);
        audioHelp.setText("Looking for capture devices…");
        audioHelp.setWrapText(true);
        audioHelp.setStyle("-fx-font-size: 0.85em; -fx-text-fill: -color-fg-muted;");
        VBox left = new VBox(6,
                new Label("Interviewer (them)"), themDevice, new LevelMeterBar(model.themLevelProperty()),
                new Label("You (me)"), meDevice, new LevelMeterBar(model.meLevelProperty()), audioHelp);
        left.setPadding(new Insets(10));
        left.setPrefWidth(240);
        themDevice.setMaxWidth(Double.MAX_VALUE);
        meDevice.setMaxWidth(Double.MAX_VALUE);
        themDevice.disableProperty().bind(model.listeningProperty());
        meDevice.disableProperty().bind(model.listeningProperty());

        ListView<TranscriptLine> transcript = new ListView<>(model.transcript());
        transcript.setCellFactory(v -> new TranscriptCell());
        transcript.getItems().addListener((javafx.collections.ListChangeListener<TranscriptLine>) c ->
                transcript.scrollTo(transcript.getItems().size() - 1));
        Label themPartial = partialLabel("Interviewer … ", model.themPartialProperty());
        Label mePartial = partialLabel("You … ", model.mePartialProperty());
        VBox.setVgrow(transcript, Priority.ALWAYS);
        VBox center = new VBox(4, new Label("Live transcript"), transcript, themPartial, mePartial);
        center.setPadding(new Insets(10));

        ListView<QuestionCard> questions = new ListView<>(model.questions());
        questions.setCellFactory(v -> new QuestionCell());
        questions.setOnMouseClicked(e -> {
            QuestionCard c = questions.getSelectionModel().getSelectedItem();
            if (c != null) {
                model.showQuestion(c);
            }
        });
        VBox.setVgrow(questions, Priority.ALWAYS);
        VBox right = new VBox(4, new Label("Questions (click to show again)"), questions);
        right.setPadding(new Insets(10));

        SplitPane split = new SplitPane(center, right);
        split.setDividerPositions(0.62);
        BorderPane root = new BorderPane(split, toolbar, null, null, left);
        stage.setTitle("Cuecard");
        stage.setScene(new Scene(root, 1100, 680));
    }

    private static Label partialLabel(String prefix, javafx.beans.property.StringProperty text) {
        Label l = new Label();
        l.setWrapText(true);
        l.textProperty().bind(Bindings.when(text.isEmpty()).then("").otherwise(Bindings.concat(prefix, text)));
        l.setStyle("-fx-text-fill: -color-fg-subtle; -fx-font-style: italic;");
        return l;
    }

    /**
     * The devices, listed off the FX thread: the current choices stay; nothing chosen yet means the
     * interviewer is what this computer plays ('system') and you are the default input.
     */
    public void showDevices(DeviceCatalog catalog, List<AudioDevice> devices) {
        DevicePickers.fill(themDevice, catalog, devices, DevicePickers.choice(themDevice), Channel.THEM, true);
        DevicePickers.fill(meDevice, catalog, devices, DevicePickers.choice(meDevice), Channel.ME, true);
        boolean system = devices.stream().anyMatch(d -> d.name().equals(DeviceCatalog.SYSTEM));
        audioHelp.setText(devices.isEmpty()
                ? "No capture device found. Connect a microphone, or press Demo to see Cuecard work."
                : system ? "Interviewer = 'system': what this computer plays (the call), no setup needed."
                : "Interviewer = system audio (a monitor / loopback device). See README for your OS.");
    }

    private static void fill(ComboBox<String> box, List<String> devices, Optional<String> keep) {
        List<String> items = new java.util.ArrayList<>();
        items.add(NO_DEVICE);
        items.addAll(devices);
        box.getItems().setAll(items);
        box.getSelectionModel().select(keep.filter(items::contains).orElse(NO_DEVICE));
    }

    private static Optional<String> choice(ComboBox<String> box) {
        return DevicePickers.choice(box);
    }

    public Stage stage() {
        return stage;
    }

    /** A question in the list: category, confidence and what was heard. */
    private static final class QuestionCell extends javafx.scene.control.ListCell<QuestionCard> {
        @Override
        protected void updateItem(QuestionCard card, boolean empty) {
            super.updateItem(card, empty);
            if (empty || card == null) {
                textProperty().unbind();
                setText(null);
                return;
            }
            textProperty().bind(Bindings.createStringBinding(() -> String.format(java.util.Locale.ROOT,
                    "%s · %.0f%%%n%s", card.classification().category().id().replace('_', ' '),
                    card.classification().confidence() * 100, card.classification().text()),
                    card.classificationProperty()));
            setWrapText(true);
            setPrefWidth(0);
        }
    }
}
