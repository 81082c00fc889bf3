package dev.cuecard.ui;

import dev.cuecard.hint.Hint;
import dev.cuecard.hint.HintLevel;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The hint sections at a detail level, as plain-text labels (hint text is never markup). Labels
 * are reused between cards: creating and styling new nodes for every streamed update is what
 * stalled the FX thread.
 */
final class CardView extends VBox {
    private final List<Label> pool = new ArrayList<>();
    private int used;

    CardView() {
        setSpacing(2);
    }

    void show(Hint hint, HintLevel level) {
        used = 0;
        if (hint != null && level != HintLevel.ONE_LINE) {
            section("Structure", hint.structure(), true);
            if (level == HintLevel.DETAIL) {
                section("Key points", hint.keyPoints(), false);
                section("Numbers", hint.numbers(), false);
                section("Pitfalls", hint.pitfalls(), false);
                section("Follow-ups", hint.followUps(), false);
            }
        }
        if (getChildren().size() != used) {
            getChildren().setAll(pool.subList(0, used));
        }
    }

    private void section(String name, List<String> items, boolean numbered) {
        if (items.isEmpty()) {
            return;
        }
        next("section-name", name);
        for (int i = 0; i < items.size(); i++) {
            next("item", (numbered ? (i + 1) + ". " : "• ") + items.get(i));
        }
    }

    private void next(String style, String text) {
        Label l;
        if (used < pool.size()) {
            l = pool.get(used);
        } else {
            l = new Label();
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            l.setMaxWidth(Double.MAX_VALUE);
            pool.add(l);
        }
        if (!l.getStyleClass().contains(style)) {
            l.getStyleClass().setAll("label", style);
        }
        l.setText(text);
        used++;
    }
}
