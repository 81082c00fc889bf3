package dev.cuecard.ui;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;

/**
 * Shows a big view a part at a time: a part added after a frame has been laid out is styled and
 * laid out in a frame of its own. Styling the whole debrief at once (it must happen on the FX
 * thread, see {@code DebriefWindow}) froze its window ~0.5 s on first open.
 */
public final class ShownInParts {
    private ShownInParts() {
    }

    /**
     * Runs {@code step} on the FX thread after the first layout pass that includes {@code node} in a
     * shown window. Any thread may call this while the node is not yet shown.
     */
    public static void afterLayout(Node node, Runnable step) {
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

    /**
     * A tab whose content joins it when the tab is first selected (a tab selected from the start has
     * it at once): an unopened tab's charts cost styling and layout nobody sees.
     */
    public static Tab tab(String name, Node content) {
        Tab tab = new Tab(name);
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected() && tab.getContent() == null) {
                tab.setContent(content);
            }
        });
        return tab;
    }

    private static void onNextLayout(Scene scene, Runnable step) {
        if (!Platform.isFxApplicationThread()) {
            // a scene made in the background: a scene takes its listeners on the FX thread only, and is
            // shown from there after this runs
            Platform.runLater(() -> onNextLayout(scene, step));
            return;
        }
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
