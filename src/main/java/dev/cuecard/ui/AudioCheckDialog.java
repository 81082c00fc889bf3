package dev.cuecard.ui;

import dev.cuecard.audio.AudioDevice;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.DeviceCatalog;
import dev.cuecard.audio.SystemAudioHelp;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The first-run audio check: pick the interviewer (system audio) and microphone devices and see
 * their live levels, with how to capture system audio on this OS.
 */
final class AudioCheckDialog {
    /** The chosen devices (either may be absent). */
    record Choice(Optional<String> them, Optional<String> me) {
    }

    private AudioCheckDialog() {
    }

    /** @param tasks lists the capture devices off the FX thread; the pickers fill when it is done */
    static Optional<Choice> show(Window owner, FxBridge bridge, TaskExecutor tasks) {
        DoubleProperty themLevel = new SimpleDoubleProperty();
        DoubleProperty meLevel = new SimpleDoubleProperty();
        Label problems = new Label();
        problems.setWrapText(true);
        problems.setStyle("-fx-text-fill: -color-danger-fg;");
        DeviceCatalog catalog = DevicePickers.catalog();
        try (LevelProbe probe = new LevelProbe(bridge, catalog,
                (c, v) -> (c == Channel.THEM ? themLevel : meLevel).set(v),
                (c, msg) -> problems.setText(c.id() + ": " + msg))) {
            ComboBox<String> them = devicePicker();
            ComboBox<String> me = devicePicker();
            them.valueProperty().addListener((o, a, v) -> probe.watch(Channel.THEM, choice(v)));
            me.valueProperty().addListener((o, a, v) -> probe.watch(Channel.ME, choice(v)));
            Label none = new Label("Looking for capture devices…");
            none.setWrapText(true);
            Label how = new Label(SystemAudioHelp.text(System.getProperty("os.name", ""), List.of(), Optional.empty()));
            tasks.submit(catalog::list, devices -> {
                // "system" (or BlackHole, a loopback device) for the interviewer; the default input for you;
                // picking them starts their meters
                DevicePickers.fill(them, catalog, devices, Optional.empty(), Channel.THEM, true);
                DevicePickers.fill(me, catalog, devices, Optional.empty(), Channel.ME, true);
                how.setText(SystemAudioHelp.text(System.getProperty("os.name", ""), devices, catalog.notice()));
                none.setText(devices.isEmpty()
                        ? "No capture device found. Connect a microphone; until then the Demo button shows Cuecard at work."
                        : "Speak: your meter should move. Play a video: the interviewer meter should move.");
                fitWindow(none);
            }, e -> {
                none.setText("Could not list the capture devices: " + e.getMessage());
                fitWindow(none);
            });
            how.setWrapText(true);
            // wrapped texts keep every line they need (the dialog grows when the device list changes them)
            for (Label l : List.of(none, how, problems)) {
                l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            problems.textProperty().addListener((o, a, b) -> fitWindow(problems));
            VBox box = new VBox(8, none, new Label("Interviewer (system audio)"), them, new LevelMeterBar(themLevel),
                    new Label("You (microphone)"), me, new LevelMeterBar(meLevel), problems, how);
            box.setPadding(new Insets(10));
            box.setPrefWidth(520);
            Dialog<ButtonType> d = new Dialog<>();
            d.initOwner(owner);
            d.setTitle("Audio check");
            d.setHeaderText("Check your audio");
            d.getDialogPane().setContent(box);
            d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
            return d.showAndWait().filter(b -> b == ButtonType.OK)
                    .map(b -> new Choice(choice(them.getValue()), choice(me.getValue())));
        }
    }

    /** The dialog's window resized to its content, whose texts came after it was first sized. */
    private static void fitWindow(Label inside) {
        if (inside.getScene() != null && inside.getScene().getWindow() != null) {
            inside.getScene().getWindow().sizeToScene();
        }
    }

    private static ComboBox<String> devicePicker() {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().add(MainWindow.NO_DEVICE);
        box.setValue(MainWindow.NO_DEVICE);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static Optional<String> choice(String v) {
        return Optional.ofNullable(v).filter(s -> !s.equals(MainWindow.NO_DEVICE));
    }
}
