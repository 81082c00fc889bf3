package dev.cuecard.ui.debrief;

import dev.cuecard.ui.WrappingListCell;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Samples of the debrief window's controls for {@link dev.cuecard.ui.ControlWarmUp}: built, styled, thrown away. */
public final class DebriefWarmUp {
    private DebriefWarmUp() {
    }

    /**
     * The kinds of controls the debrief window is made of, as parts for {@link dev.cuecard.ui.ControlWarmUp}:
     * the session list, an answer's detail, a banded bar chart and the talk-time pie. No session needed.
     */
    public static List<Supplier<Parent>> parts() {
        return List.of(
                () -> new FlowPane(4, 4, new ToggleButton("All"), new Button("Delete")),
                () -> new FlowPane(new TextField()),
                () -> {
                    ListView<String> list = new ListView<>(FXCollections.observableArrayList("Demo interview", "Practice"));
                    list.setCellFactory(v -> new WrappingListCell<>(list, String::valueOf));
                    return list;
                },
                () -> {
                    Label wrapped = new Label("How would you design a rate limiter?");
                    wrapped.setWrapText(true);
                    return new SplitPane(new ScrollPane(new VBox(8, wrapped)), new StackPane());
                },
                TextArea::new,
                () -> new FlowPane(new CategoryAxis(), new NumberAxis()),
                () -> new BarChart<>(new CategoryAxis(), new NumberAxis()),
                () -> {
                    BandedBarChart chart = new BandedBarChart("question", "seconds", 60, 120);
                    XYChart.Series<String, Number> series = new XYChart.Series<>();
                    series.getData().addAll(List.of(new XYChart.Data<>("Q1", 45), new XYChart.Data<>("Q2", 95)));
                    chart.getData().add(series);
                    chart.fitValues(95);
                    chart.setAnimated(false);
                    return chart;
                },
                () -> new TabPane(new Tab("Pace"), new Tab("Talk time")),
                () -> {
                    PieChart pie = new PieChart(FXCollections.observableArrayList(new PieChart.Data("you", 60),
                            new PieChart.Data("interviewer", 40)));
                    pie.setAnimated(false);
                    return pie;
                });
    }
}
