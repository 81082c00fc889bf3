package dev.cuecard.ui.practice;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The score breakdown as a grid: dimension, score (right-aligned), what was measured and the advice
 * in columns that line up, every cell wrapping instead of being cut.
 */
final class BreakdownTable extends GridPane {
    BreakdownTable(ObservableList<BreakdownRow> rows) {
        setId("breakdown");
        setHgap(12);
        setVgap(6);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints score = new ColumnConstraints();
        score.setMinWidth(Region.USE_PREF_SIZE);
        score.setHalignment(HPos.RIGHT);
        ColumnConstraints finding = new ColumnConstraints();
        finding.setPercentWidth(30);
        ColumnConstraints advice = new ColumnConstraints();
        advice.setHgrow(Priority.ALWAYS);
        advice.setMinWidth(120);
        getColumnConstraints().setAll(name, score, finding, advice);
        rows.addListener((ListChangeListener<BreakdownRow>) c -> fill(rows));
        fill(rows);
    }

    private void fill(ObservableList<BreakdownRow> rows) {
        getChildren().clear();
        if (rows.isEmpty()) {
            return;
        }
        addRow(0, head("Dimension"), head("Score"), head("Measured"), head("Next time"));
        int r = 1;
        for (BreakdownRow row : rows) {
            addRow(r++, cell(row.dimension()), cell(row.score()), cell(row.finding()), cell(row.suggestion()));
        }
    }

    private static Label head(String text) {
        Label l = cell(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label cell(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
