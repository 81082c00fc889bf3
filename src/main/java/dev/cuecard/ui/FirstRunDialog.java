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
        Label audio = new Label(audioHowTo(System.getProperty("os.name", "")));
        audio.setWrapText(true);
        CheckBox agree = new CheckBox("I understand and will use Cuecard only where it is permitted");
        VBox box = new VBox(12, purpose, rules, new Label("Capturing the interviewer's audio:"), audio, agree);
        box.setPadding(new Insets(10));
        box.setPrefWidth(560);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(agree.selectedProperty().not());
        return d.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    static String audioHowTo(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return "Enable 'Stereo Mix' (Sound settings → Recording → show disabled devices) or install a virtual "
                    + "cable and send the call's output to it; pick it as 'Interviewer (them)'.";
        }
        if (os.contains("mac")) {
            return "Install BlackHole, create a Multi-Output Device (speakers + BlackHole) in Audio MIDI Setup, make "
                    + "it the output and pick 'BlackHole' as 'Interviewer (them)'. macOS asks for microphone access.";
        }
        return "Load the ALSA loopback driver (sudo modprobe snd-aloop) and send the call's output to the 'Loopback' "
                + "card in pavucontrol; pick the Loopback capture device as 'Interviewer (them)'.";
    }
}
