package dev.cuecard.ui;

import dev.cuecard.hint.Hint;
import dev.cuecard.question.Classification;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One detected question and the hint shown for it; FX thread only. */
public final class QuestionCard {
    private final int id;
    private final ObjectProperty<Classification> classification = new SimpleObjectProperty<>();
    private final ObjectProperty<Hint> hint = new SimpleObjectProperty<>();
    private final StringProperty latency = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    public QuestionCard(int id, Classification classification) {
        this.id = id;
        this.classification.set(classification);
    }

    public int id() {
        return id;
    }

    public ObjectProperty<Classification> classificationProperty() {
        return classification;
    }

    public Classification classification() {
        return classification.get();
    }

    public ObjectProperty<Hint> hintProperty() {
        return hint;
    }

    public Hint hint() {
        return hint.get();
    }

    /** "0.4 s before the question ended" or "180 ms after": how early the card was. */
    public StringProperty latencyProperty() {
        return latency;
    }

    /** A one-word LLM status when refinement failed; the template card stays. */
    public StringProperty statusProperty() {
        return status;
    }

    @Override
    public String toString() {
        Classification c = classification();
        return "#" + id + " " + c.category().id() + " · " + c.text();
    }
}
