package dev.cuecard.ui.debrief;

import dev.cuecard.session.debrief.AnswerLength;
import dev.cuecard.session.debrief.AnswerReview;
import dev.cuecard.session.debrief.SessionAnalytics;
import dev.cuecard.ui.ShownInParts;
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

/**
 * The speaking analytics as charts, one tab each for pace, fillers, answer length and talk time;
 * each axis says its unit, and the targets (120–160 words per minute, 1–2 minutes) are bands. A
 * chart is styled when its tab is first opened.
 */
final class SpeakingCharts {
    /** The pace the practice rubric asks for (its advice: "aim for 120–160 words per minute"). */
    static final double PACE_LOW = 120;
    static final double PACE_HIGH = 160;

    private SpeakingCharts() {
    }

    static TabPane of(List<AnswerItem> answers, SessionAnalytics session) {
        List<AnswerReview> reviews = answers.stream().map(AnswerItem::review).toList();
        // typed practice answers were never timed: no pace or length bar for them
        List<AnswerReview> timed = reviews.stream().filter(r -> !r.metrics().typedOnly()).toList();
        TabPane tabs = new TabPane(
                new Tab("Pace", banded("wpm-chart", "Pace per answer — band: 120–160 words per minute", "words per minute",
                        PACE_LOW, PACE_HIGH, timed, r -> r.metrics().wordsPerMinute())),
                ShownInParts.tab("Fillers", bars("filler-chart", "Filler words per answer", "filler words (count)", reviews,
                        r -> r.metrics().fillerCount())),
                ShownInParts.tab("Length", banded("length-chart", "Answer length — band: the 1–2 min target", "seconds",
                        AnswerLength.TARGET_MIN_MS / 1000.0, AnswerLength.TARGET_MAX_MS / 1000.0, timed,
                        r -> r.metrics().spanMs() / 1000.0)),
                ShownInParts.tab("Talk time", talk(session)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("charts");
        return tabs;
    }

    private static XYChart.Series<String, Number> series(String name, List<AnswerReview> reviews,
                                                         ToDoubleFunction<AnswerReview> value) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (AnswerReview r : reviews) {
            series.getData().add(new XYChart.Data<>("Q" + r.number(), value.applyAsDouble(r)));
        }
        return series;
    }

    private static BarChart<String, Number> bars(String id, String title, String unit, List<AnswerReview> reviews,
                                                 ToDoubleFunction<AnswerReview> value) {
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        chart.getXAxis().setLabel("question");
        chart.getYAxis().setLabel(unit);
        style(chart, id, title);
        chart.getData().add(series(unit, reviews, value));
        return chart;
    }

    private static BandedBarChart banded(String id, String title, String unit, double low, double high,
                                         List<AnswerReview> reviews, ToDoubleFunction<AnswerReview> value) {
        BandedBarChart chart = new BandedBarChart("question", unit, low, high);
        style(chart, id, title);
        chart.getData().add(series(unit, reviews, value));
        chart.fitValues(reviews.stream().mapToDouble(value).max().orElse(0));
        return chart;
    }

    private static void style(BarChart<String, Number> chart, String id, String title) {
        chart.setId(id);
        chart.setTitle(title);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setMinHeight(160);
    }

    private static PieChart talk(SessionAnalytics s) {
        if (s.me().typedOnly()) {
            PieChart none = new PieChart();
            none.setId("talk-chart");
            none.setTitle("Talk time not measured: the answers were typed");
            none.setAnimated(false);
            return none;
        }
        PieChart pie = new PieChart(FXCollections.observableArrayList(
                new PieChart.Data(String.format(java.util.Locale.ROOT, "you %.0f %%", 100 * s.talk().meShare()),
                        s.talk().meMs() / 1000.0),
                new PieChart.Data(String.format(java.util.Locale.ROOT, "interviewer %.0f %%", 100 * (1 - s.talk().meShare())),
                        s.talk().themMs() / 1000.0)));
        pie.setId("talk-chart");
        pie.setTitle("Talk time (share of speaking time)");
        pie.setAnimated(false);
        return pie;
    }
}
