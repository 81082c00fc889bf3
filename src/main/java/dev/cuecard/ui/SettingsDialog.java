package dev.cuecard.ui;

import dev.cuecard.audio.AudioDevice;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.DeviceCatalog;
import dev.cuecard.audio.SystemAudioHelp;
import dev.cuecard.config.AppPaths;
import dev.cuecard.config.LlmSettings;
import dev.cuecard.config.Settings;
import dev.cuecard.config.UiSettings;
import dev.cuecard.hotkey.HotkeyAction;
import dev.cuecard.hotkey.HotkeyBindings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Settings: devices, speech model, LLM endpoint (with a connection test), hotkeys, overlay look,
 * templates folder and the user's context (résumé, job description, story bank). Returns the new
 * settings; the caller saves them. Hotkey conflicts are shown and block saving.
 */
final class SettingsDialog {
    /** What the dialog needs from the app. */
    interface Services {
        /** Runs a connection test off the FX thread and reports one line back on it. */
        void testConnection(LlmSettings llm, Consumer<String> result);
    }

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final Settings original;
    private final AppPaths paths;
    private final ComboBox<String> them = new ComboBox<>();
    private final ComboBox<String> me = new ComboBox<>();
    private final TextField modelDir = new TextField();
    private final TextField llmUrl = new TextField();
    private final TextField llmModel = new TextField();
    private final TextField llmTimeout = new TextField();
    private final Slider opacity = new Slider(0.3, 1.0, UiSettings.DEFAULT_OPACITY);
    private final Slider fontScale = new Slider(0.7, 2.0, 1.0);
    private final CheckBox coach = new CheckBox("Coach my answer on the card (key points, time, pace, fillers)");
    private final Map<HotkeyAction, TextField> hotkeys = new EnumMap<>(HotkeyAction.class);
    private final Label hotkeyError = new Label();
    private final TextArea resume = new TextArea();
    private final TextArea job = new TextArea();
    private final TextArea story = new TextArea();
    private final TextField storyTitle = new TextField();

    /**
     * @param tasks lists the capture devices off the FX thread
     */
    SettingsDialog(Window owner, Settings settings, AppPaths paths, Services services, TaskExecutor tasks) {
        this.original = settings;
        this.paths = paths;
        dialog.initOwner(owner);
        dialog.setTitle("Cuecard settings");
        UiSettings ui = settings.uiOrDefaults();
        TabPane tabs = new TabPane(
                new Tab("Audio", audioTab(settings, tasks)),
                new Tab("LLM", llmTab(settings.llmSettings(), services)),
                new Tab("Hotkeys", hotkeyTab(ui)),
                new Tab("Overlay", overlayTab(ui)),
                new Tab("Your context", contextTab()),
                new Tab("Templates", templatesTab()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefSize(620, 460);
        dialog.getDialogPane().setContent(tabs);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Save");
        ok.disableProperty().bind(hotkeyError.textProperty().isNotEmpty());
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(12));
        return g;
    }

    private VBox audioTab(Settings s, TaskExecutor tasks) {
        GridPane g = grid();
        // the saved choices at once, the other devices once listed in the background
        them.getItems().add(MainWindow.NO_DEVICE);
        me.getItems().add(MainWindow.NO_DEVICE);
        s.themDeviceName().ifPresent(them.getItems()::add);
        s.meDeviceName().ifPresent(me.getItems()::add);
        them.setValue(s.themDeviceName().orElse(MainWindow.NO_DEVICE));
        me.setValue(s.meDeviceName().orElse(MainWindow.NO_DEVICE));
        DeviceCatalog catalog = DevicePickers.catalog();
        Label how = new Label(SystemAudioHelp.text(System.getProperty("os.name", ""), List.of(), Optional.empty()));
        tasks.submit(catalog::list, devices -> {
            DevicePickers.fill(them, catalog, devices, DevicePickers.choice(them), Channel.THEM, false);
            DevicePickers.fill(me, catalog, devices, DevicePickers.choice(me), Channel.ME, false);
            how.setText(SystemAudioHelp.text(System.getProperty("os.name", ""), devices, catalog.notice()));
        }, e -> { });
        modelDir.setText(s.modelDir() == null ? "" : s.modelDir());
        modelDir.setPromptText("empty = the bundled English model");
        g.addRow(0, new Label("Interviewer (them)"), them);
        g.addRow(1, new Label("You (me)"), me);
        g.addRow(2, new Label("Speech model folder"), modelDir);
        how.setWrapText(true);
        return new VBox(8, g, how);
    }

    private static void addOnce(ComboBox<String> box, String item) {
        if (!box.getItems().contains(item)) {
            box.getItems().add(item);
        }
    }

    private VBox llmTab(LlmSettings llm, Services services) {
        GridPane g = grid();
        llmUrl.setText(llm.baseUrl() == null ? "" : llm.baseUrl());
        llmUrl.setPromptText("e.g. http://localhost:11434/v1 (Ollama) — empty = templates only, offline");
        llmModel.setText(llm.model() == null ? "" : llm.model());
        llmTimeout.setText(llm.firstTokenTimeoutMs() == null ? "" : String.valueOf(llm.firstTokenTimeoutMs()));
        llmTimeout.setPromptText("ms to first token (default 4000)");
        boolean keySet = System.getenv("CUECARD_LLM_API_KEY") != null || System.getenv("OPENAI_API_KEY") != null;
        Label key = new Label(keySet ? "API key: set in the environment" : "API key: not set (CUECARD_LLM_API_KEY or "
                + "OPENAI_API_KEY; local servers need none). It is never written to a file.");
        key.setWrapText(true);
        Label result = new Label();
        result.setWrapText(true);
        Button test = new Button("Test connection");
        test.setOnAction(e -> {
            result.setText("Testing…");
            services.testConnection(llmSettings(), result::setText);
        });
        g.addRow(0, new Label("Endpoint (base URL)"), llmUrl);
        g.addRow(1, new Label("Model"), llmModel);
        g.addRow(2, new Label("First-token timeout"), llmTimeout);
        Label privacy = new Label("With an endpoint set, each detected question, its category and template, the "
                + "recent transcript and your context files are sent to it. The overlay shows when text leaves "
                + "this machine.");
        privacy.setWrapText(true);
        return new VBox(8, g, key, test, result, privacy);
    }

    private VBox hotkeyTab(UiSettings ui) {
        GridPane g = grid();
        HotkeyBindings current;
        try {
            current = HotkeyBindings.from(ui.hotkeyMap());
        } catch (IllegalArgumentException e) {
            current = HotkeyBindings.defaults();
        }
        int row = 0;
        for (HotkeyAction a : HotkeyAction.values()) {
            TextField f = new TextField(current.chord(a).toString());
            f.textProperty().addListener((o, x, y) -> validateHotkeys());
            hotkeys.put(a, f);
            g.addRow(row++, new Label(a.label()), f);
        }
        hotkeyError.setStyle("-fx-text-fill: -color-danger-fg;");
        hotkeyError.setWrapText(true);
        Label note = new Label("Write chords like ctrl+alt+space. Global hotkeys work while the call has focus; "
                + "where the OS refuses them they still work inside Cuecard's windows.");
        note.setWrapText(true);
        return new VBox(8, g, hotkeyError, note);
    }

    private void validateHotkeys() {
        try {
            HotkeyBindings.from(hotkeyTexts());
            hotkeyError.setText("");
        } catch (IllegalArgumentException e) {
            hotkeyError.setText(e.getMessage());
        }
    }

    private Map<String, String> hotkeyTexts() {
        Map<String, String> m = new LinkedHashMap<>();
        hotkeys.forEach((a, f) -> m.put(a.id(), f.getText()));
        return m;
    }

    private VBox overlayTab(UiSettings ui) {
        GridPane g = grid();
        opacity.setValue(ui.opacity());
        fontScale.setValue(ui.scale());
        opacity.setShowTickLabels(true);
        fontScale.setShowTickLabels(true);
        g.addRow(0, new Label("Opacity"), opacity);
        g.addRow(1, new Label("Font size"), fontScale);
        coach.setSelected(ui.coachShown());
        g.add(coach, 0, 2, 2, 1);
        return new VBox(g);
    }

    private VBox contextTab() {
        Path dir = paths.contextDir();
        resume.setText(read(dir.resolve("resume.md")));
        job.setText(read(dir.resolve("job.md")));
        resume.setPrefRowCount(5);
        job.setPrefRowCount(4);
        story.setPrefRowCount(4);
        storyTitle.setPromptText("title of a new story (e.g. payments-migration)");
        story.setPromptText("One real experience of yours: situation, what you did, the measurable result. "
                + "Behavioral hints use these and never invent experience.");
        Label count = new Label(storyCount(dir));
        VBox box = new VBox(6, new Label("Résumé"), resume, new Label("Job description"), job,
                new Label("Add a story to your story bank"), storyTitle, story, count);
        box.setPadding(new Insets(12));
        return box;
    }

    private static String storyCount(Path dir) {
        try (var files = Files.list(dir.resolve("stories"))) {
            return files.count() + " stories in " + dir.resolve("stories");
        } catch (IOException e) {
            return "no stories yet (" + dir.resolve("stories") + ")";
        }
    }

    private VBox templatesTab() {
        Label l = new Label("Your own templates: YAML files in " + paths.templatesDir() + " add to or replace the "
                + "shipped ones by id (same format as the shipped files). A broken file is reported with its line "
                + "and skipped.");
        l.setWrapText(true);
        VBox box = new VBox(l);
        box.setPadding(new Insets(12));
        return box;
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private LlmSettings llmSettings() {
        LlmSettings old = original.llmSettings();
        Integer timeout = null;
        try {
            timeout = llmTimeout.getText().isBlank() ? null : Integer.valueOf(llmTimeout.getText().strip());
        } catch (NumberFormatException e) {
            timeout = old.firstTokenTimeoutMs();
        }
        return new LlmSettings(blankToNull(llmUrl.getText()), blankToNull(llmModel.getText()), timeout,
                old.requestTimeoutMs(), old.maxRetries(), old.jsonSchema(), old.transcriptChars());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Shows the dialog; the new settings when saved (context files are written here too). */
    Optional<Settings> showAndWait() throws IOException {
        Optional<ButtonType> b = dialog.showAndWait();
        if (b.isEmpty() || b.get() != ButtonType.OK) {
            return Optional.empty();
        }
        saveContext();
        UiSettings ui = original.uiOrDefaults().withOpacity(opacity.getValue()).withFontScale(fontScale.getValue())
                .withHotkeys(HotkeyBindings.from(hotkeyTexts()).toSettings()).withAnswerCoach(coach.isSelected());
        String t = them.getValue() == null || them.getValue().equals(MainWindow.NO_DEVICE) ? null : them.getValue();
        String m = me.getValue() == null || me.getValue().equals(MainWindow.NO_DEVICE) ? null : me.getValue();
        return Optional.of(new Settings(blankToNull(modelDir.getText()), t, m, ui, llmSettings()));
    }

    private void saveContext() throws IOException {
        Path dir = paths.contextDir();
        Files.createDirectories(dir.resolve("stories"));
        Files.writeString(dir.resolve("resume.md"), resume.getText());
        Files.writeString(dir.resolve("job.md"), job.getText());
        if (!story.getText().isBlank()) {
            String name = storyTitle.getText().isBlank() ? "story-" + System.currentTimeMillis()
                    : storyTitle.getText().strip().replaceAll("[^A-Za-z0-9 _-]", "").replace(' ', '-');
            Files.writeString(dir.resolve("stories").resolve(name + ".md"), story.getText());
        }
    }

    // visible for tests
    Dialog<ButtonType> dialog() {
        return dialog;
    }

    Slider opacitySlider() {
        return opacity;
    }

    CheckBox coachBox() {
        return coach;
    }
}
