package dev.cuecard.ui.debrief;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * A bar chart with a target band (say 60–120 s) drawn behind the bars: where an answer should land,
 * without extra bars that read as data. The value axis always reaches past the band.
 */
final class BandedBarChart extends BarChart<String, Number> {
    private final Rectangle band = new Rectangle();
    private final double low;
    private final double high;

    BandedBarChart(String category, String unit, double low, double high) {
        super(new CategoryAxis(), new NumberAxis());
        this.low = low;
        this.high = high;
        getXAxis().setLabel(category);
        getYAxis().setLabel(unit);
        band.setManaged(false);
        band.setMouseTransparent(true);
        band.getStyleClass().add("target-band");
        band.setFill(Color.web("#2da44e", 0.22));
        band.setStroke(Color.web("#2da44e", 0.7));
        getPlotChildren().add(0, band);
    }

    /** Fixes the value axis from 0 to a little above the larger of the data and the band. */
    void fitValues(double maxValue) {
        NumberAxis y = (NumberAxis) getYAxis();
        double top = Math.max(maxValue, high) * 1.15;
        double tick = niceTick(top / 5);
        y.setAutoRanging(false);
        y.setLowerBound(0);
        y.setUpperBound(Math.ceil(top / tick) * tick);
        y.setTickUnit(tick);
    }

    private static double niceTick(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis y = (NumberAxis) getYAxis();
        double top = y.getDisplayPosition(high);
        double bottom = y.getDisplayPosition(low);
        band.setX(0);
        band.setY(top);
        band.setWidth(getXAxis().getWidth());
        band.setHeight(Math.max(0, bottom - top));
        band.toBack();
    }

    // visible for tests
    double bandLow() {
        return low;
    }

    double bandHigh() {
        return high;
    }

    XYChart.Series<String, Number> values() {
        return getData().get(0);
    }
}
