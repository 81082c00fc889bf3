package dev.cuecard.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Where windows open under a real window manager (Openbox, when installed; the other tests run on a
 * bare X server, where a window is never resized by anyone but the app).
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class WindowManagerLayoutTest {
    private static Process wm;

    @BeforeAll
    static void startWindowManager() throws Exception {
        FxToolkit.registerPrimaryStage();
        assumeThat(run("sh", "-c", "command -v openbox && command -v xprop && command -v xdotool").isEmpty())
                .as("openbox, xprop and xdotool are needed").isFalse();
        assumeThat(run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK")).as("another window manager runs")
                .doesNotContain("window id");
        wm = new ProcessBuilder("openbox").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK")
                .contains("window id"));
    }

    @AfterAll
    static void stopWindowManager() throws Exception {
        if (wm != null) {
            wm.destroy();
            wm.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    @Test
    void aWindowOpensAtTheSizeItWasFittedToNotAtItsMinimum() throws Exception {
        String title = "layout-test-" + System.nanoTime();
        Stage[] stage = new Stage[1];
        double[] fitted = new double[2];
        FxToolkit.setupFixture(() -> {
            Stage s = new Stage();
            s.setTitle(title);
            s.setScene(new Scene(new Pane(), 1100, 680));
            s.setMinWidth(MainWindow.MIN_WIDTH);
            s.setMinHeight(MainWindow.MIN_HEIGHT);
            ScreenLayout.fit(s, 1100, 680);
            fitted[0] = s.getWidth();
            fitted[1] = s.getHeight();
            s.show();
            stage[0] = s;
        });
        try {
            Rectangle2D area = ScreenLayout.appArea(ScreenLayout.screen());
            assertThat(fitted[0]).isEqualTo(Math.min(1100, area.getWidth())).isGreaterThan(MainWindow.MIN_WIDTH);
            // managed by the window manager: framed; then the size it settles at
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                String id = run("xdotool", "search", "--name", title).strip();
                return !id.isEmpty() && run("xprop", "-id", id, "_NET_FRAME_EXTENTS").contains("=");
            });
            for (int i = 0; i < 10; i++) {
                WaitForAsyncUtils.waitForFxEvents();
            }
            // it opened at 720×460 (its minimum): GTK mapped it at 200×200 and the size set before was lost
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage[0].getWidth() == fitted[0]
                        && stage[0].getHeight() == fitted[1]);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("opened at " + stage[0].getWidth() + "×" + stage[0].getHeight()
                        + ", fitted to " + fitted[0] + "×" + fitted[1], e);
            }
        } finally {
            FxToolkit.setupFixture(() -> stage[0].close());
        }
    }
}
