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

    /**
     * A strong answer written for a question of another category — claim, reasons, trade-off, figures, an
     * example — scores below this question's correct but shallow answer, on every labelled set (QA: an
     * off-topic answer outscored a correct one). The sets' answers are in order of template, so the next
     * item of another category is usually a neighbouring topic, not a far one. Behavioural questions are
     * left out: a story is told in its project's words, so the rubric does not judge its topic.
     */
    @Test
    void aWellShapedAnswerToAnotherQuestionScoresBelowAShallowCorrectOne() {
        List<String> above = new ArrayList<>();
        int pairs = 0;
        for (CalibrationSet set : List.of(CalibrationSet.load(), CalibrationSet.heldOut(), CalibrationSet.heldOut2())) {
            List<CalibrationSet.Item> items = set.items();
            for (int k = 0; k < items.size(); k++) {
                Template t = TEMPLATES.get(items.get(k).template()).orElseThrow();
                if (t.category() == dev.cuecard.question.Category.BEHAVIORAL) {
                    continue;
                }
                CalibrationSet.Item other = otherCategory(items, k, t.category());
                double offTopic = scorer.score(t, Answer.typed(other.strong())).total();
                double shallow = scorer.score(t, Answer.typed(items.get(k).mediocre())).total();
                pairs++;
                if (offTopic >= shallow) {
                    above.add(t.id() + " <- " + other.template() + " " + offTopic + " >= " + shallow);
                }
            }
        }
        assertThat(pairs).isGreaterThanOrEqualTo(60);
        assertThat(1 - above.size() / (double) pairs).as("off-topic at or above the shallow answer: %s", above)
                .isGreaterThanOrEqualTo(0.9);
    }

    /** The next item (cyclically) whose template is of another category. */
    private static CalibrationSet.Item otherCategory(List<CalibrationSet.Item> items, int k,
                                                     dev.cuecard.question.Category category) {
        for (int j = 1; j < items.size(); j++) {
            CalibrationSet.Item i = items.get((k + j) % items.size());
            if (TEMPLATES.get(i.template()).orElseThrow().category() != category) {
                return i;
            }
        }
        throw new IllegalStateException("one category only");
    }
}
