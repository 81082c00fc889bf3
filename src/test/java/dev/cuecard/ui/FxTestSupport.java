package dev.cuecard.ui;

import dev.cuecard.audio.Channel;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.TemplateHintEngine;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.question.Classification;
import dev.cuecard.question.DetectedQuestion;
import dev.cuecard.question.UtteranceClassifier;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Shared bits of the JavaFX tests (run under Xvfb: see .ci/run). */
final class FxTestSupport {
    static final UtteranceClassifier CLASSIFIER = UtteranceClassifier.shipped();

    private FxTestSupport() {
    }

    static void onFx(Runnable r) throws TimeoutException {
        FxToolkit.setupFixture(r);
    }

    static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    /**
     * The labels under {@code root} whose shown text differs from their text: cut with an ellipsis
     * (or not laid out at all). The text a Labeled draws is its skin's Text node.
     */
    static java.util.List<String> elided(javafx.scene.Parent root) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (javafx.scene.Node n : root.lookupAll(".label")) {
            if (n instanceof javafx.scene.control.Labeled l && l.isVisible() && l.getText() != null
                    && !l.getText().isEmpty() && shownInParents(l)) {
                javafx.scene.Node t = l.lookup(".text");
                String shown = t instanceof javafx.scene.text.Text text ? text.getText() : null;
                if (!l.getText().equals(shown)) {
                    out.add("“" + l.getText() + "” shown as “" + shown + "”");
                }
            }
        }
        return out;
    }

    /**
     * What a combo box shows on its face: the text of its button cell in the scene graph, as drawn
     * (the skin's getDisplayNode() would bring the cell up to date first, hiding a stale one).
     */
    static String shown(javafx.scene.control.ComboBox<?> box) throws Exception {
        return onFx(() -> {
            box.getScene().getRoot().applyCss();
            box.getScene().getRoot().layout();
            return box.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.control.ListCell<?>)
                    .findFirst().map(n -> ((javafx.scene.control.ListCell<?>) n).getText()).orElse(null);
        });
    }

    private static boolean shownInParents(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The events the pipeline emits for a question heard on the interviewer's channel. */
    static PipelineEvent[] questionAndHint(int id, String text) {
        Classification c = CLASSIFIER.classify(text);
        DetectedQuestion q = new DetectedQuestion(id, Channel.THEM, c, 2000, 1800, true, false);
        Hint h = new TemplateHintEngine().hintFor(c).orElseThrow();
        return new PipelineEvent[] {new PipelineEvent.Question(q), new PipelineEvent.HintReady(id, h, Channel.THEM, 2000)};
    }
}
