package dev.cuecard.ui.debrief;

import dev.cuecard.session.debrief.AnswerLength;
import dev.cuecard.session.debrief.AnswerReview;
import dev.cuecard.session.debrief.SessionAnalytics;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The speaking analytics as charts: one tab each for pace, fillers, answer length and talk time. */
final class SpeakingCharts {
    private SpeakingCharts() {
    }

    static TabPane of(List<AnswerItem> answers, SessionAnalytics session) {
        List<AnswerReview> reviews = answers.stream().map(AnswerItem::review).toList();
        TabPane tabs = new TabPane(
                tab("Pace", bars("wpm-chart", "Words per minute", "words/min", reviews, r -> r.metrics().wordsPerMinute())),
                tab("Fillers", bars("filler-chart", "Filler words", "fillers", reviews, r -> r.metrics().fillerCount())),
                tab("Length", lengths(reviews)),
                tab("Talk time", talk(session)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("charts");
        return tabs;
    }

    private static Tab tab(String name, Node chart) {
        return new Tab(name, chart);
    }

    private static BarChart<String, Number> bars(String id, String title, String unit, List<AnswerReview> reviews,
                                                 ToDoubleFunction<AnswerReview> value) {
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        chart.setId(id);
        chart.setTitle(title);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.getYAxis().setLabel(unit);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(title);
        for (AnswerReview r : reviews) {
            series.getData().add(new XYChart.Data<>("Q" + r.number(), value.applyAsDouble(r)));
        }
        chart.getData().add(series);
        return chart;
    }

    /** Seconds per answer, with the 1–2 minute target band as two reference bars per answer. */
    private static BarChart<String, Number> lengths(List<AnswerReview> reviews) {
        BarChart<String, Number> chart = bars("length-chart", "Answer length against the 1–2 min target", "seconds",
                reviews, r -> r.metrics().spanMs() / 1000.0);
        chart.setLegendVisible(true);
        chart.getData().get(0).setName("answer");
        XYChart.Series<String, Number> min = new XYChart.Series<>();
        min.setName("target from");
        XYChart.Series<String, Number> max = new XYChart.Series<>();
        max.setName("target to");
        for (AnswerReview r : reviews) {
            min.getData().add(new XYChart.Data<>("Q" + r.number(), AnswerLength.TARGET_MIN_MS / 1000.0));
            max.getData().add(new XYChart.Data<>("Q" + r.number(), AnswerLength.TARGET_MAX_MS / 1000.0));
        }
        chart.getData().add(min);
        chart.getData().add(max);
        return chart;
    }

    private static PieChart talk(SessionAnalytics s) {
        PieChart pie = new PieChart(FXCollections.observableArrayList(
                new PieChart.Data(String.format(java.util.Locale.ROOT, "me %.0f %%", 100 * s.talk().meShare()),
                        s.talk().meMs() / 1000.0),
                new PieChart.Data(String.format(java.util.Locale.ROOT, "them %.0f %%", 100 * (1 - s.talk().meShare())),
                        s.talk().themMs() / 1000.0)));
        pie.setId("talk-chart");
        pie.setTitle("Talk time");
        pie.setAnimated(false);
        return pie;
    }
}
