package dev.cuecard.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * Holds back work that can wait until a window's first frames are painted: the FX thread's pulse
 * {@code n + 1} starts only once frame {@code n - 1} is painted, so counting pulses counts painted
 * frames. Steps given before then run, in order, once the frames are painted; after that at once.
 * FX thread.
 */
final class AfterFrames {
    private final List<Runnable> waiting = new ArrayList<>();
    private boolean painted;

    /** Starts counting {@code frames} from the next pulse. */
    void start(int frames) {
        new AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen > frames) {
                    stop();
                    painted = true;
                    waiting.forEach(Runnable::run);
                    waiting.clear();
                }
            }
        }.start();
    }

    void run(Runnable step) {
        if (painted) {
            step.run();
        } else {
            waiting.add(step);
        }
    }

    boolean painted() {
        return painted;
    }
}
