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

        /** Shows the overlay with this look while the dialog is open (a live preview; Cancel restores it). */
        default void previewOverlay(double opacity, double fontScale) {
        }
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
    private final Slider opacity = new Slider(UiSettings.MIN_OPACITY, 1.0, UiSettings.DEFAULT_OPACITY);
    private final Slider fontScale = new Slider(UiSettings.MIN_FONT_SCALE, UiSettings.MAX_FONT_SCALE, 1.0);
    private final Label modelError = new Label();
    /** What is wrong with the LLM endpoint or timeout as typed; Save waits until it is empty. */
    private final Label llmError = new Label();
    private final Services services;
    private final TaskExecutor tasks;
    /** The model folder check in flight: an older check's late answer is dropped. */
    private int modelChecks;
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
        this.services = services;
        this.tasks = tasks;
        dialog.initOwner(owner);
        dialog.setTitle("Cuecard settings");
        UiSettings ui = settings.uiOrDefaults();
        TabPane tabs = new TabPane(
                new Tab("Audio", scrolling(audioTab(settings, tasks))),
                new Tab("LLM", scrolling(llmTab(settings.llmSettings(), services))),
                new Tab("Hotkeys", scrolling(hotkeyTab(ui))),
                new Tab("Overlay", scrolling(overlayTab(ui))),
                new Tab("Your context", scrolling(contextTab())),
                new Tab("Templates", scrolling(templatesTab())));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefSize(620, 460);
        dialog.getDialogPane().setContent(tabs);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Save");
        ok.disableProperty().bind(hotkeyError.textProperty().isNotEmpty().or(modelError.textProperty().isNotEmpty())
                .or(llmError.textProperty().isNotEmpty()));
        dialog.setResizable(true);
        dialog.getDialogPane().setMinSize(520, 400);
    }

    /**
     * A tab's content as wide as the dialog and as tall as it needs: wrapped help and error texts
     * get every line they need (squeezed into the tab's height they were cut to one line with "…")
     * and the tab scrolls when the dialog is smaller than its content.
     */
    private static javafx.scene.control.ScrollPane scrolling(javafx.scene.layout.Region content) {
        content.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.control.ScrollPane pane = new javafx.scene.control.ScrollPane(content);
        pane.setFitToWidth(true);
        pane.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        pane.getStyleClass().add("edge-to-edge");
        return pane;
    }

    /** A row's name, never cut short: the field beside it gives way instead. */
    private static Label name(String text) {
        Label l = new Label(text);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        return g;
    }

    /** A tab's rows and the notes under them, all on one left edge (the notes sat 12 px left of the rows). */
    private static VBox tab(javafx.scene.Node... children) {
        VBox box = new VBox(8, children);
        box.setPadding(new Insets(12));
        return box;
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
        modelDir.setPromptText("bundled English model"); // what an empty field means
        modelDir.setId("model-dir");
        modelDir.textProperty().addListener((o, a, b) -> checkModelFolder());
        Button browse = new Button("Browse…");
        browse.setId("browse-model");
        browse.setAccessibleText("Choose the speech model folder");
        browse.setOnAction(e -> browseModelFolder());
        browse.setMinWidth(Button.USE_PREF_SIZE); // the text field beside it gives way, not the button ("Bro…")
        modelError.setId("model-error");
        modelError.setWrapText(true);
        modelError.setStyle("-fx-text-fill: -color-danger-fg;");
        modelError.managedProperty().bind(modelError.textProperty().isNotEmpty());
        javafx.scene.layout.HBox.setHgrow(modelDir, javafx.scene.layout.Priority.ALWAYS);
        Label themLabel = name("Interviewer (them)");
        themLabel.setLabelFor(them);
        Label meLabel = name("You (me)");
        meLabel.setLabelFor(me);
        Label modelLabel = name("Speech model folder");
        modelLabel.setLabelFor(modelDir);
        // the pickers take the width the names and notes leave
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        g.getColumnConstraints().setAll(new javafx.scene.layout.ColumnConstraints(), fields);
        them.setMaxWidth(Double.MAX_VALUE);
        me.setMaxWidth(Double.MAX_VALUE);
        g.addRow(0, themLabel, them, applies("Used from the next Start"));
        g.addRow(1, meLabel, me, applies("Used from the next Start"));
        // the folder's row spans the notes' column too: the path gets the room its note would leave empty
        javafx.scene.layout.HBox folder = new javafx.scene.layout.HBox(6, modelDir, browse, restart());
        folder.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        g.addRow(2, modelLabel);
        g.add(folder, 1, 2, 2, 1);
        g.add(modelError, 1, 3, 2, 1);
        how.setWrapText(true);
        return tab(g, how);
    }

    /** "Restart to apply": the setting is read once, when Cuecard starts. */
    private static Label restart() {
        Label l = applies("Restart to apply");
        l.getStyleClass().add("restart-to-apply");
        l.setStyle("-fx-text-fill: -color-warning-fg; -fx-font-size: 0.9em;");
        return l;
    }

    private static Label applies(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-text-fill: -color-fg-muted; -fx-font-size: 0.9em;");
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private void browseModelFolder() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Speech model folder (an unpacked Vosk model)");
        Path current = modelDir.getText().isBlank() ? null : Path.of(modelDir.getText().strip());
        if (current != null && Files.isDirectory(current)) {
            chooser.setInitialDirectory(current.toFile());
        }
        java.io.File chosen = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
        if (chosen != null) {
            modelDir.setText(chosen.getAbsolutePath());
        }
    }

    /** Checks the folder in the background (a network drive may be slow); an empty field is the bundled model. */
    private void checkModelFolder() {
        String text = modelDir.getText() == null ? "" : modelDir.getText().strip();
        int check = ++modelChecks;
        if (text.isEmpty()) {
            modelError.setText("");
            return;
        }
        tasks.submit(() -> {
            try {
                dev.cuecard.asr.ModelLocator.check(Path.of(text).toAbsolutePath().normalize());
                return "";
            } catch (dev.cuecard.asr.ModelException | java.nio.file.InvalidPathException e) {
                return e.getMessage();
            }
        }, problem -> {
            if (check == modelChecks) {
                modelError.setText(problem);
            }
        }, e -> {
            if (check == modelChecks) {
                modelError.setText("Cannot check that folder: " + e.getMessage());
            }
        });
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
        llmTimeout.setPromptText("ms to first token (default "
                + dev.cuecard.hint.llm.LlmConfig.DEFAULT_FIRST_TOKEN.toMillis() + ")");
        llmUrl.setId("llm-url");
        llmTimeout.setId("llm-timeout");
        llmError.setId("llm-error");
        llmError.setWrapText(true);
        llmError.setStyle("-fx-text-fill: -color-danger-fg;");
        llmError.managedProperty().bind(llmError.textProperty().isNotEmpty());
        // checked as typed: a URL without http:// or a timeout that is not a number was saved (the
        // timeout silently dropped) and the LLM was off at the next start
        llmUrl.textProperty().addListener((o, a, b) -> validateLlm());
        llmTimeout.textProperty().addListener((o, a, b) -> validateLlm());
        validateLlm();
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
        g.addRow(0, name("Endpoint (base URL)"), llmUrl, restart());
        g.addRow(1, name("Model"), llmModel, restart());
        g.addRow(2, name("First-token timeout"), llmTimeout, restart());
        g.add(llmError, 1, 3, 2, 1);
        javafx.scene.layout.GridPane.setHgrow(llmUrl, javafx.scene.layout.Priority.ALWAYS);
        Label privacy = new Label("With an endpoint set, each detected question, its category and template, the "
                + "recent transcript and your context files are sent to it. The overlay shows when text leaves "
                + "this machine.");
        privacy.setWrapText(true);
        return tab(g, key, test, result, privacy);
    }

    /** The endpoint must be an http(s) URL (or empty: offline), the timeout a whole number of ms above 0 (or empty). */
    private void validateLlm() {
        List<String> problems = new java.util.ArrayList<>();
        String url = blankToNull(llmUrl.getText());
        if (url != null) {
            try {
                dev.cuecard.hint.llm.LlmConfig.resolve(new LlmSettings(url, null, null, null, null, null, null), Map.of());
            } catch (dev.cuecard.hint.llm.LlmConfig.InvalidConfigException e) {
                problems.add(e.getMessage());
            }
        }
        String timeout = blankToNull(llmTimeout.getText());
        if (timeout != null && !positiveWholeNumber(timeout)) {
            problems.add("First-token timeout \"" + timeout + "\" is not a number of milliseconds above 0 (e.g. "
                    + dev.cuecard.hint.llm.LlmConfig.DEFAULT_FIRST_TOKEN.toMillis() + "); empty = the default");
        }
        llmError.setText(String.join("\n", problems));
    }

    private static boolean positiveWholeNumber(String text) {
        try {
            return Integer.parseInt(text) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private VBox hotkeyTab(UiSettings ui) {
        GridPane g = grid();
        HotkeyBindings current = HotkeyBindings.lenient(ui.hotkeyMap()).bindings();
        int row = 0;
        for (HotkeyAction a : HotkeyAction.values()) {
            TextField f = new TextField(current.chord(a).toString());
            f.textProperty().addListener((o, x, y) -> validateHotkeys());
            hotkeys.put(a, f);
            g.addRow(row++, name(a.label()), f);
        }
        hotkeyError.setStyle("-fx-text-fill: -color-danger-fg;");
        hotkeyError.setWrapText(true);
        Label note = new Label("Write chords like ctrl+alt+space. Global hotkeys work while the call has focus; "
                + "where the OS refuses them they still work inside Cuecard's windows. Hotkeys: restart to apply.");
        note.setWrapText(true);
        return tab(g, hotkeyError, note);
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

    /** Opacity and font size with their values, applied to the overlay as they move (a live preview). */
    private VBox overlayTab(UiSettings ui) {
        GridPane g = grid();
        opacity.setValue(ui.opacity());
        fontScale.setValue(ui.scale());
        opacity.setShowTickLabels(true);
        opacity.setMajorTickUnit(0.1);
        fontScale.setShowTickLabels(true);
        fontScale.setMajorTickUnit(0.2);
        fontScale.setBlockIncrement(0.1);
        opacity.setBlockIncrement(0.05);
        opacity.setId("opacity");
        fontScale.setId("font-scale");
        Label opacityValue = value(opacity, v -> String.format(java.util.Locale.ROOT, "%.0f %%", v * 100));
        opacityValue.setId("opacity-value");
        Label scaleValue = value(fontScale, v -> String.format(java.util.Locale.ROOT, "%.1f×", v));
        scaleValue.setId("font-scale-value");
        Label opacityLabel = new Label("Opacity");
        opacityLabel.setLabelFor(opacity);
        Label scaleLabel = new Label("Font size");
        scaleLabel.setLabelFor(fontScale);
        opacity.setAccessibleText("Overlay opacity");
        fontScale.setAccessibleText("Overlay font size");
        javafx.scene.layout.GridPane.setHgrow(opacity, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.GridPane.setHgrow(fontScale, javafx.scene.layout.Priority.ALWAYS);
        g.addRow(0, opacityLabel, opacity, opacityValue);
        g.addRow(1, scaleLabel, fontScale, scaleValue);
        coach.setSelected(ui.coachShown());
        g.add(coach, 0, 2, 3, 1);
        opacity.valueProperty().addListener((o, a, b) -> preview());
        fontScale.valueProperty().addListener((o, a, b) -> preview());
        Label live = new Label("The overlay shows these as you move them; Cancel puts them back.");
        live.setWrapText(true);
        live.setStyle("-fx-text-fill: -color-fg-muted;");
        return tab(g, live);
    }

    private void preview() {
        services.previewOverlay(opacity.getValue(), fontScale.getValue());
    }

    private static Label value(Slider slider, java.util.function.DoubleFunction<String> format) {
        Label l = new Label();
        l.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> format.apply(slider.getValue()),
                slider.valueProperty()));
        l.setMinWidth(48);
        return l;
    }

    private VBox contextTab() {
        Path dir = paths.contextDir();
        resume.setText(read(dir.resolve("resume.md")));
        job.setText(read(dir.resolve("job.md")));
        for (TextArea area : List.of(resume, job, story)) {
            TabKeys.moveFocus(area);
        }
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
            UiSettings was = original.uiOrDefaults();
            services.previewOverlay(was.opacity(), was.scale()); // the preview is undone
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

    Slider fontScaleSlider() {
        return fontScale;
    }

    TextField modelDirField() {
        return modelDir;
    }

    TextField hotkeyField(HotkeyAction action) {
        return hotkeys.get(action);
    }

    Label hotkeyErrorLabel() {
        return hotkeyError;
    }

    Label modelErrorLabel() {
        return modelError;
    }

    TextField llmUrlField() {
        return llmUrl;
    }

    TextField llmTimeoutField() {
        return llmTimeout;
    }

    Label llmErrorLabel() {
        return llmError;
    }

    /** The chords in force (the defaults fill what the file leaves out or gets wrong). */
    private static Map<String, String> effectiveHotkeys(Settings s) {
        return HotkeyBindings.lenient(s.uiOrDefaults().hotkeyMap()).bindings().toSettings();
    }

    /** Which of the saved changes only take effect at the next start ("hotkeys, speech model"); empty when none. */
    static List<String> needRestart(Settings before, Settings after) {
        List<String> out = new java.util.ArrayList<>();
        if (!effectiveHotkeys(before).equals(effectiveHotkeys(after))) {
            out.add("hotkeys");
        }
        if (!java.util.Objects.equals(before.modelDir(), after.modelDir())) {
            out.add("speech model");
        }
        if (!java.util.Objects.equals(before.llmSettings(), after.llmSettings())) {
            out.add("LLM endpoint");
        }
        return out;
    }

    CheckBox coachBox() {
        return coach;
    }
}
