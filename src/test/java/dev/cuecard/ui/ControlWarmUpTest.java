package dev.cuecard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.ui.debrief.DebriefWarmUp;
import dev.cuecard.ui.practice.PracticeWarmUp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The warm-up of the debrief's and practice's controls: real parts, styled on the FX thread, a part per step. */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class ControlWarmUpTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new StackPane(), 200, 100));
        stage.show(); // pulses run while a window is shown
    }

    @Test
    void everyPartOfTheDebriefAndPracticeWindowsIsSkinnedAndLaidOut() throws Exception {
        List<Supplier<Parent>> parts = Stream.concat(DebriefWarmUp.parts().stream(),
                PracticeWarmUp.parts().stream()).toList();
        List<Parent> styled = WaitForAsyncUtils.asyncFx(() -> {
            List<Parent> roots = new ArrayList<>();
            for (Supplier<Parent> p : parts) {
                Parent root = p.get();
                ControlWarmUp.style(root);
                roots.add(root);
            }
            return roots;
        }).get(30, TimeUnit.SECONDS);
        for (Parent root : styled) {
            List<Control> controls = Stream.concat(Stream.of(root), root.lookupAll("*").stream())
                    .filter(Control.class::isInstance).map(Control.class::cast).toList();
            assertThat(controls).allSatisfy(c -> assertThat(c.getSkin()).as("skin of " + c).isNotNull());
            assertThat(root.getLayoutBounds().getWidth()).as("laid out: " + root).isGreaterThan(0);
        }
    }

    @Test
    void thePartsAreMadeOneAtATimeOnTheFxThreadAfterTheDelay() throws Exception {
        List<Long> madeAt = new CopyOnWriteArrayList<>();
        List<Boolean> onFx = new CopyOnWriteArrayList<>();
        List<StackPane> made = new CopyOnWriteArrayList<>();
        List<Double> previousWidthWhenMade = new CopyOnWriteArrayList<>();
        Supplier<Parent> part = () -> {
            madeAt.add(System.nanoTime());
            onFx.add(Platform.isFxApplicationThread());
            previousWidthWhenMade.add(made.isEmpty() ? -1 : made.get(made.size() - 1).getWidth());
            StackPane root = new StackPane(new javafx.scene.control.Button("b"));
            made.add(root);
            return root;
        };
        long asked = System.nanoTime();
        Platform.runLater(() -> ControlWarmUp.after(Duration.millis(300), List.of(part, part, part)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> madeAt.size() == 3);
        assertThat(onFx).containsOnly(true);
        // each part is styled in one step and laid out in the next, before the next part is made
        assertThat(previousWidthWhenMade.subList(1, 3)).allSatisfy(w -> assertThat(w).isGreaterThan(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> made.get(2).getWidth() > 0);
        assertThat(madeAt.get(0) - asked).as("after the delay").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
        // a frame can be drawn between two parts
        assertThat(madeAt.get(1) - madeAt.get(0)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(madeAt.get(2) - madeAt.get(1)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
    }

}
