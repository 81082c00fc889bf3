package dev.cuecard.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableBooleanValue;

/** The one answer to "is Cuecard listening?": a single pill in the overlay and the main window. */
enum ListeningState {
    LISTENING("● Listening"),
    PAUSED("❚❚ Paused"),
    OFF("○ Off");

    private final String label;

    ListeningState(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    String styleClass() {
        return "pill-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    static ListeningState of(boolean listening, boolean paused) {
        return !listening ? OFF : paused ? PAUSED : LISTENING;
    }

    static ObjectBinding<ListeningState> of(ObservableBooleanValue listening, ObservableBooleanValue paused) {
        return Bindings.createObjectBinding(() -> of(listening.get(), paused.get()), listening, paused);
    }

    /** A label that shows the state as a coloured pill (colours in the window's stylesheet). */
    static javafx.scene.control.Label pill(ObservableBooleanValue listening, ObservableBooleanValue paused) {
        javafx.scene.control.Label pill = new javafx.scene.control.Label();
        pill.setId("listening-pill");
        pill.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ObjectBinding<ListeningState> state = of(listening, paused);
        Runnable show = () -> {
            ListeningState s = state.get();
            pill.setText(s.label());
            pill.getStyleClass().removeIf(c -> c.startsWith("pill-"));
            pill.getStyleClass().addAll("pill", s.styleClass());
            pill.setAccessibleText("Cuecard is " + s.name().toLowerCase(java.util.Locale.ROOT)
                    + (s == OFF ? " (not listening)" : ""));
        };
        state.addListener((o, a, b) -> show.run());
        pill.getProperties().put(ListeningState.class, state); // keeps the binding alive with the label
        show.run();
        return pill;
    }
}
