package dev.cuecard.ui;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Shows a big view a part at a time: a part added after a frame has been laid out is styled and
 * laid out in a frame of its own. Styling the whole debrief at once (it must happen on the FX
 * thread, see {@code DebriefWindow}) froze its window ~0.5 s on first open.
 */
public final class NextFrame {
    private NextFrame() {
    }

    /**
     * Runs {@code step} on the FX thread after the first layout pass that includes {@code node} in a
     * shown window. Any thread may call this while the node is not yet shown.
     */
    public static void after(Node node, Runnable step) {
        if (node.getScene() != null) {
            onNextLayout(node.getScene(), step);
            return;
        }
        node.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene old, Scene scene) {
                if (scene != null) {
                    node.sceneProperty().removeListener(this);
                    onNextLayout(scene, step);
                }
            }
        });
    }

    private static void onNextLayout(Scene scene, Runnable step) {
        boolean[] done = {false};
        Runnable[] listener = new Runnable[1];
        // only a shown scene has layout pulses; the step runs after this pulse, so the frame is drawn first
        listener[0] = () -> {
            if (!done[0]) {
                done[0] = true;
                Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    step.run();
                });
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
