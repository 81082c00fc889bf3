package dev.cuecard.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rubric orders labelled answers: strong > mediocre > weak for at least 90 % of the triples. */
class PracticeCalibrationTest {
    private static final TemplateLibrary TEMPLATES = TemplateLibrary.shipped();
    private final AnswerScorer scorer = AnswerScorer.shipped();

    @Test
    void setIsBigEnough() {
        CalibrationSet set = CalibrationSet.load();
        assertThat(set.items()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(set.items().size() * 3).isGreaterThanOrEqualTo(40);
        set.items().forEach(i -> assertThat(TEMPLATES.get(i.template())).as(i.template()).isPresent());
    }

    @Test
    void typedAnswersAreOrderedStrongOverMediocreOverWeak() {
        List<String> misordered = new ArrayList<>();
        CalibrationSet set = CalibrationSet.load();
        for (CalibrationSet.Item i : set.items()) {
            Template t = TEMPLATES.get(i.template()).orElseThrow();
            double s = scorer.score(t, Answer.typed(i.strong())).total();
            double m = scorer.score(t, Answer.typed(i.mediocre())).total();
            double w = scorer.score(t, Answer.typed(i.weak())).total();
            if (!(s > m && m > w)) {
                misordered.add(i.template() + " " + s + "/" + m + "/" + w);
            }
        }
        assertThat(1 - misordered.size() / (double) set.items().size()).as("misordered: %s", misordered)
                .isGreaterThanOrEqualTo(0.9);
    }
}
