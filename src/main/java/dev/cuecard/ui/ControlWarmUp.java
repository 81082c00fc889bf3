package dev.cuecard.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.util.Duration;

/**
 * Styles and lays out, once and out of sight, the kinds of controls a window the user has not opened
 * yet is made of, a part per frame while the app is idle. The first use of a control type in a run
 * loads its skin and behaviour classes and compiles their code: opening the debrief cold cost frames
 * of 50–70 ms of FX work where a second opening cost ~25 ms (BENCHMARKS.md, "FX thread"). The parts
 * are thrown away; nothing they show is kept. FX thread.
 */
public final class ControlWarmUp {
    /** Time between two parts: frames are drawn in between. */
    static final Duration SPACING = Duration.millis(100);
    /** Off ({@code -Dcuecard.ui.warmUp=false}) for comparison. */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ControlWarmUp.class);
    static final boolean ON = Boolean.parseBoolean(System.getProperty("cuecard.ui.warmUp", "true"));

    private ControlWarmUp() {
    }

    /**
     * Starts warming {@code parts} up after {@code delay}: each part in two steps, its skins and
     * styles in one and its layout in the next (a part whole took up to ~70 ms in one frame).
     */
    public static void after(Duration delay, List<Supplier<Parent>> parts) {
        if (!ON || parts.isEmpty()) {
            return;
        }
        Deque<Runnable> steps = new ArrayDeque<>();
        for (Supplier<Parent> part : parts) {
            Parent[] root = new Parent[1];
            steps.add(() -> root[0] = styled(part.get()));
            steps.add(() -> laidOut(root[0]));
        }
        PauseTransition step = new PauseTransition(delay);
        step.setOnFinished(e -> {
            long t0 = System.nanoTime();
            steps.removeFirst().run();
            LOG.debug("warm-up step took {} ms", (System.nanoTime() - t0) / 1_000_000);
            if (!steps.isEmpty()) {
                step.setDuration(SPACING);
                step.playFromStart();
            }
        });
        step.play();
    }

    /** Skins, styles and lays out {@code root} in a scene of its own with the app's stylesheet. */
    static void style(Parent root) {
        laidOut(styled(root));
    }

    private static Parent styled(Parent root) {
        Scene scene = new Scene(root, 640, 400);
        scene.getStylesheets().add(ControlWarmUp.class.getResource("/dev/cuecard/ui/app.css").toExternalForm());
        root.applyCss();
        return root;
    }

    private static void laidOut(Parent root) {
        root.resize(640, 400);
        root.layout();
    }
}
