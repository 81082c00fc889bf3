package dev.cuecard.ui;

import dev.cuecard.hint.HintLevel;

import dev.cuecard.hint.Hint;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The hint sections at a detail level, as plain-text labels (hint text is never markup). */
final class CardView extends VBox {

    CardView() {
        setSpacing(2);
    }

    void show(Hint hint, HintLevel level) {
        getChildren().clear();
        if (hint == null || level == HintLevel.ONE_LINE) {
            return;
        }
        section("Structure", hint.structure(), true);
        if (level == HintLevel.DETAIL) {
            section("Key points", hint.keyPoints(), false);
            section("Numbers", hint.numbers(), false);
            section("Pitfalls", hint.pitfalls(), false);
            section("Follow-ups", hint.followUps(), false);
        }
    }

    private void section(String name, List<String> items, boolean numbered) {
        if (items.isEmpty()) {
            return;
        }
        Label heading = new Label(name);
        heading.getStyleClass().add("section-name");
        getChildren().add(heading);
        for (int i = 0; i < items.size(); i++) {
            Label item = new Label((numbered ? (i + 1) + ". " : "• ") + items.get(i));
            item.setWrapText(true);
            item.getStyleClass().add("item");
            getChildren().add(item);
        }
    }
}
