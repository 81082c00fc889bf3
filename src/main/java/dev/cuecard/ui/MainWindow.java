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
import javafx.scene.control.Tooltip;
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
        // enabled only when they can act: Start needs a device, Stop and Pause a session, Debrief the database
        start.disableProperty().bind(model.listeningProperty().or(noDeviceChosen()));
        demo.disableProperty().bind(model.listeningProperty());
        stop.disableProperty().bind(model.listeningProperty().not());
        pause.disableProperty().bind(model.listeningProperty().not());
        debrief.disableProperty().bind(model.sessionsAvailableProperty().not());
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        overlay.selectedProperty().bindBidirectional(model.overlayVisibleProperty());
        start.setOnAction(e -> actions.start(choice(themDevice), choice(meDevice)));
        demo.setOnAction(e -> actions.startDemo());
        stop.setOnAction(e -> actions.stop());
        pause.selectedProperty().addListener((o, a, paused) -> actions.setPaused(paused));
        settings.setOnAction(e -> actions.openSettings());
        start.setTooltip(new Tooltip("Listen to the chosen devices"));
        demo.setTooltip(new Tooltip("Replay a short mock interview through Cuecard"));
        pause.setTooltip(new Tooltip("Stop hearing and storing until resumed"));
        overlay.setTooltip(new Tooltip("Show or hide the cue card"));
        for (javafx.scene.control.ButtonBase b : List.of(start, demo, stop, pause, overlay, settings, debrief, practice)) {
            b.setAccessibleText(b.getText());
            b.setMinWidth(Region.USE_PREF_SIZE); // the toolbar never folds a button into its overflow menu
        }
        ToolBar toolbar = new ToolBar(start, demo, stop, pause, new Separator(Orientation.VERTICAL), overlay,
                settings, debrief, practice);
        // the last ones lose their words first
        compactWhenNarrow(toolbar, List.of(start, stop, demo, debrief, practice, pause, settings, overlay));

        // the saved choices at once; the device list comes from the background (showDevices)
        fill(themDevice, savedThem.stream().toList(), savedThem);
        fill(meDevice, savedMe.stream().toList(), savedMe);
        audioHelp.setText("Looking for capture devices…");
        audioHelp.setWrapText(true);
        audioHelp.setMinHeight(Region.USE_PREF_SIZE);
        audioHelp.setStyle("-fx-font-size: 0.9em; -fx-text-fill: -color-fg-muted;");
        Label themLabel = new Label("Interviewer (them)");
        themLabel.setLabelFor(themDevice);
        Label meLabel = new Label("You (me)");
        meLabel.setLabelFor(meDevice);
        themDevice.setAccessibleText("Interviewer audio device");
        meDevice.setAccessibleText("Your microphone");
        VBox left = new VBox(6, themLabel, themDevice, new LevelMeterBar(model.themLevelProperty()),
                meLabel, meDevice, new LevelMeterBar(model.meLevelProperty()), audioHelp);
        left.setPadding(new Insets(10));
        left.setPrefWidth(240);
        left.setMinWidth(200);
        themDevice.setMaxWidth(Double.MAX_VALUE);
        meDevice.setMaxWidth(Double.MAX_VALUE);
        themDevice.disableProperty().bind(model.listeningProperty());
        meDevice.disableProperty().bind(model.listeningProperty());

        ListView<TranscriptLine> transcript = new ListView<>(model.transcript());
        transcript.setId("transcript");
        transcript.setAccessibleText("Live transcript");
        transcript.setCellFactory(v -> new TranscriptCell(transcript));
        transcript.setPlaceholder(placeholder("What the interviewer and you say appears here, with its time."));
        // not in a hidden window (the session's last lines arrive after quitting hid it): its scene no
        // longer resolves the theme's colours, and a row styled there warns on the console
        transcript.getItems().addListener((javafx.collections.ListChangeListener<TranscriptLine>) c -> {
            if (stage.isShowing()) {
                transcript.scrollTo(transcript.getItems().size() - 1);
            }
        });
        Label themPartial = partialLabel("Interviewer … ", model.themPartialProperty());
        Label mePartial = partialLabel("You … ", model.mePartialProperty());
        VBox.setVgrow(transcript, Priority.ALWAYS);
        Label transcriptTitle = new Label("Live transcript");
        transcriptTitle.getStyleClass().add("section-title");
        VBox center = new VBox(4, transcriptTitle, transcript, themPartial, mePartial);
        center.setPadding(new Insets(10));
        center.setMinWidth(220);

        ListView<QuestionCard> questions = new ListView<>(model.questions());
        questions.setId("questions");
        questions.setAccessibleText("Detected questions");
        questions.setCellFactory(v -> new QuestionCell(questions));
        // a card reclassified while the question was still being asked shows its new category
        model.questions().addListener((javafx.collections.ListChangeListener<QuestionCard>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(card -> card.classificationProperty().addListener((o, a, b) -> questions.refresh()));
            }
        });
        questions.setPlaceholder(placeholder("Each question the interviewer asks is listed here."));
        questions.setOnMouseClicked(e -> showSelected(model, questions));
        questions.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                showSelected(model, questions);
            }
        });
        VBox.setVgrow(questions, Priority.ALWAYS);
        Label questionsTitle = new Label("Questions (click or Enter to show again)");
        questionsTitle.getStyleClass().add("section-title");
        questionsTitle.setWrapText(true);
        questionsTitle.setMinHeight(Region.USE_PREF_SIZE);
        VBox right = new VBox(4, questionsTitle, questions);
        right.setPadding(new Insets(10));
        right.setMinWidth(180);

        SplitPane split = new SplitPane(center, right);
        split.setDividerPositions(0.62);
        status = new StatusBar(model.statusProperty(), model.statusHistory(),
                ListeningState.pill(model.listeningProperty(), model.pausedProperty()));
        // children in reading order, which is also the Tab order: toolbar, devices, transcript, status
        BorderPane root = new BorderPane();
        root.setTop(toolbar);
        root.setLeft(left);
        root.setCenter(split);
        root.setBottom(status);
        stage.setTitle("Cuecard");
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        ScreenLayout.fit(stage, 1100, 680);
        // made at the window's size: a scene made at 1100 px on a narrower screen was styled and laid out at
        // 1100 px as the window was shown, then all over again at the window's width in the first frame
        Scene scene = new Scene(root, stage.getWidth(), stage.getHeight());
        scene.getStylesheets().add(MainWindow.class.getResource("/dev/cuecard/ui/app.css").toExternalForm());
        stage.setScene(scene);
        // keyboard access to the windows (Alt+letter, as the tooltips say)
        accelerator(scene, javafx.scene.input.KeyCode.D, debrief, "Alt+D");
        accelerator(scene, javafx.scene.input.KeyCode.P, practice, "Alt+P");
        accelerator(scene, javafx.scene.input.KeyCode.S, settings, "Alt+S");
        accelerator(scene, javafx.scene.input.KeyCode.M, demo, "Alt+M");
    }

    /**
     * When the window is too narrow for every button's words, buttons show only their icons (names
     * stay as tooltips and accessible text), the least used first: nothing folds into the
     * toolbar's overflow menu.
     *
     * @param byPriority the buttons, the one to keep its words longest first
     */
    private static void compactWhenNarrow(ToolBar bar, List<javafx.scene.control.ButtonBase> byPriority) {
        for (javafx.scene.control.ButtonBase b : byPriority) {
            if (b.getTooltip() == null) {
                b.setTooltip(new Tooltip(b.getText()));
            }
        }
        bar.widthProperty().addListener((o, was, width) -> {
            byPriority.forEach(b -> b.setContentDisplay(javafx.scene.control.ContentDisplay.LEFT));
            for (int i = byPriority.size() - 1; i >= 0 && bar.prefWidth(-1) > width.doubleValue(); i--) {
                byPriority.get(i).setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            }
        });
    }

    private static void accelerator(Scene scene, javafx.scene.input.KeyCode key, Button button, String name) {
        scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(key,
                javafx.scene.input.KeyCombination.ALT_DOWN), () -> {
                    if (!button.isDisabled()) {
                        button.fire();
                    }
                });
        String tip = button.getTooltip() == null ? button.getText() : button.getTooltip().getText();
        button.setTooltip(new Tooltip(tip + " (" + name + ")"));
    }

    static final double MIN_WIDTH = 720;
    static final double MIN_HEIGHT = 460;
    private final StatusBar status;

    private javafx.beans.binding.BooleanBinding noDeviceChosen() {
        return Bindings.createBooleanBinding(() -> choice(themDevice).isEmpty() && choice(meDevice).isEmpty(),
                themDevice.valueProperty(), meDevice.valueProperty());
    }

    private static void showSelected(LiveSessionModel model, ListView<QuestionCard> questions) {
        QuestionCard c = questions.getSelectionModel().getSelectedItem();
        if (c != null) {
            model.showQuestion(c);
        }
    }

    private static Label placeholder(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setStyle("-fx-text-fill: -color-fg-muted;");
        l.setPadding(new Insets(12));
        return l;
    }

    private static Label partialLabel(String prefix, javafx.beans.property.StringProperty text) {
        Label l = new Label();
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.textProperty().bind(Bindings.when(text.isEmpty()).then("").otherwise(Bindings.concat(prefix, text)));
        l.setStyle("-fx-text-fill: -color-fg-subtle; -fx-font-style: italic;");
        return l;
    }

    /**
     * The devices, listed off the FX thread: the current choices stay; nothing chosen yet means the
     * interviewer is what this computer plays ('system') and you are the default input. With none, the
     * help says why when the catalog knows (no sound server running), as the settings and audio check do.
     */
    public void showDevices(DeviceCatalog catalog, List<AudioDevice> devices) {
        DevicePickers.fill(themDevice, catalog, devices, DevicePickers.choice(themDevice), Channel.THEM, true);
        DevicePickers.fill(meDevice, catalog, devices, DevicePickers.choice(meDevice), Channel.ME, true);
        boolean system = devices.stream().anyMatch(d -> d.name().equals(DeviceCatalog.SYSTEM));
        audioHelp.setText(devices.isEmpty()
                ? catalog.notice().map(why -> "No capture device found: " + why + ". Press Demo to see Cuecard work.")
                        .orElse("No capture device found. Connect a microphone, or press Demo to see Cuecard work.")
                : system ? "Interviewer = 'system': what this computer plays (the call), no setup needed."
                : "Interviewer = system audio (a monitor / loopback device). See README for your OS.");
    }

    /** Selects the devices chosen in the settings (the next Start uses them). */
    public void choose(Optional<String> them, Optional<String> me) {
        select(themDevice, them);
        select(meDevice, me);
    }

    private static void select(ComboBox<String> box, Optional<String> name) {
        String value = name.orElse(NO_DEVICE);
        if (!box.getItems().contains(value)) {
            box.getItems().add(value);
        }
        box.setValue(value);
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

    // visible for tests
    StatusBar statusBar() {
        return status;
    }

    /** A question in the list: category, confidence and what was heard (a reclassified card updates on refresh). */
    /**
     * A detected question: its topic and confidence on a line of their own, above the question's
     * words, and a rule under each — one run-on text ("…public ip Caching · 98% what happens…")
     * was hard to scan.
     */
    private static final class QuestionCell extends javafx.scene.control.ListCell<QuestionCard> {
        private final Label topic = new Label();
        private final javafx.scene.text.Text question = new javafx.scene.text.Text();
        private final VBox box = new VBox(2, topic, question);

        QuestionCell(ListView<QuestionCard> list) {
            topic.getStyleClass().add("question-topic");
            // wraps like the question under it: on one line "Distributed systems · 84%" ran out of a narrow
            // list, cut, with a horizontal scroll bar under it
            topic.setWrapText(true);
            topic.setMinHeight(Region.USE_PREF_SIZE);
            topic.maxWidthProperty().bind(list.widthProperty().subtract(WrappingListCell.MARGIN));
            question.getStyleClass().add("cell-text");
            question.wrappingWidthProperty().bind(list.widthProperty().subtract(WrappingListCell.MARGIN));
            getStyleClass().add("question-cell");
        }

        @Override
        protected void updateItem(QuestionCard card, boolean empty) {
            super.updateItem(card, empty);
            setText(null);
            if (empty || card == null) {
                setGraphic(null);
                return;
            }
            topic.setText(String.format(java.util.Locale.ROOT, "%s · %.0f%%",
                    Labels.category(card.classification().category()), card.classification().confidence() * 100));
            question.setText(card.classification().text());
            setGraphic(box);
        }
    }
}
