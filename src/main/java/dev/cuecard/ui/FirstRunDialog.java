package dev.cuecard.ui;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The first-run screen: what Cuecard is for, the consent it expects, and how to route the
 * interviewer's audio on this OS. Confirming is remembered in the settings.
 */
final class FirstRunDialog {
    private FirstRunDialog() {
    }

    /** @return true when the user confirmed */
    static boolean show(Window owner) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Welcome to Cuecard");
        d.setHeaderText("Before your first session");
        Label purpose = new Label("Cuecard listens to an interview — the interviewer's audio and your microphone — "
                + "transcribes it on this computer and shows a cue card for each question. Transcripts stay on this "
                + "machine; nothing is sent anywhere unless you configure an LLM yourself.");
        purpose.setWrapText(true);
        Label rules = new Label("Record only with the other side's knowledge, and use live assistance only in "
                + "interviews where it is permitted. Practice mode is always fine.");
        rules.setWrapText(true);
        rules.setStyle("-fx-font-weight: bold;");
        dev.cuecard.audio.DeviceCatalog catalog = DevicePickers.catalog();
        Label audio = new Label(dev.cuecard.audio.SystemAudioHelp.text(System.getProperty("os.name", ""), catalog.list(),
                catalog.notice()));
        audio.setWrapText(true);
        CheckBox agree = new CheckBox("I understand and will use Cuecard only where it is permitted");
        VBox box = new VBox(12, purpose, rules, new Label("Capturing the interviewer's audio:"), audio, agree);
        box.setPadding(new Insets(10));
        box.setPrefWidth(560);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        javafx.scene.Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(agree.selectedProperty().not());
        // a keyboard user ticks the box with Space and confirms with Enter: Enter must reach OK, not Cancel
        agree.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                ok.requestFocus();
            }
        });
        return d.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
