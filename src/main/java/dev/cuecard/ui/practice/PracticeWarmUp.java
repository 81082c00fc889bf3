package dev.cuecard.ui.practice;

import dev.cuecard.ui.MarkdownView;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.FlowPane;

/** Samples of the practice window's controls for {@link dev.cuecard.ui.ControlWarmUp}: built, styled, thrown away. */
public final class PracticeWarmUp {
    private PracticeWarmUp() {
    }

    /**
     * The kinds of controls the practice window is made of, as parts for {@link dev.cuecard.ui.ControlWarmUp}:
     * its choosers, a line chart of scores and a Markdown report with a table. No round needed.
     */
    public static List<Supplier<Parent>> parts() {
        return List.of(
                () -> new FlowPane(new ComboBox<>(FXCollections.observableArrayList("Drill"))),
                () -> {
                    LineChart<String, Number> scores = new LineChart<>(new CategoryAxis(), new NumberAxis(0, 10, 2));
                    XYChart.Series<String, Number> s = new XYChart.Series<>();
                    s.getData().addAll(List.of(new XYChart.Data<>("1 Dec", 6), new XYChart.Data<>("2 Dec", 7)));
                    scores.getData().add(s);
                    scores.setAnimated(false);
                    return scores;
                },
                () -> {
                    MarkdownView md = new MarkdownView();
                    md.setMarkdown("## Report\n\n| question | score |\n|---|---|\n| rate limiter | 7.5 |\n\n- **Strength:** numbers\n");
                    return md;
                });
    }
}
