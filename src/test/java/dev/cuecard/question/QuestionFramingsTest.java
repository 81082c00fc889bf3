package dev.cuecard.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same question framed as interviewers frame it: wrapped politely, put as a hypothetical, after a
 * description of the team, with a closer ("… and why"), as a comparison, naming a language, as a bare
 * imperative. Technical questions kept their topic in every framing; personal ones did not: "would you
 * mind telling me a bit about your current team", "our team is fully remote how have you kept in touch
 * with colleagues you never see" and "do you prefer working alone or in a team" read as small talk,
 * since the model had learnt that an utterance opening with the team ("we …", "our team …") or a
 * courtesy is the interviewer talking, and had almost no yes/no questions about the candidate. Checked
 * on lines written for this test and never trained on (devset/question-framings.tsv), with the full
 * reading the CLI's {@code classify} and a card's decision use.
 */
class QuestionFramingsTest {
    record Line(String shape, String category, String text) {
        boolean personal() {
            return shape.endsWith("-personal");
        }
    }

    static List<Line> lines;
    static ProbeLines reader;

    @BeforeAll
    static void load() throws Exception {
        lines = ProbeLines.fields("/devset/question-framings.tsv").stream().map(f -> new Line(f[0], f[1], f[2])).toList();
        reader = ProbeLines.shippedReader();
    }

    private static String read(String text) {
        return reader.categoryOf(text);
    }

    private static List<String> wrong(List<Line> ls) {
        List<String> wrong = new ArrayList<>();
        for (Line l : ls) {
            String got = read(l.text());
            if (!got.equals(l.category())) {
                wrong.add(l.text() + " → " + got);
            }
        }
        return wrong;
    }

    @Test
    void personalQuestionsFramedLikeTheInterviewerTalkingStayBehavioural() {
        List<Line> behavioural = lines.stream().filter(l -> l.personal() && l.category().equals("behavioral")).toList();
        assertThat(behavioural).hasSizeGreaterThanOrEqualTo(35);
        List<String> wrong = wrong(behavioural);
        long asSmallTalk = wrong.stream().filter(w -> w.endsWith("→ none")).count();
        // the model before the dev split had such lines (u2996-u3154): 21 of 37 right, 16 read as small talk
        assertThat(behavioural.size() - wrong.size()).as("right of %d; wrong: %s", behavioural.size(), wrong)
                .isGreaterThanOrEqualTo(behavioural.size() - 8);
        assertThat(asSmallTalk).as("read as small talk: %s", wrong).isLessThanOrEqualTo(8);
    }

    @Test
    void smallTalkOfTheSameShapesStaysSmallTalk() {
        List<Line> none = lines.stream().filter(l -> l.personal() && l.category().equals("none")).toList();
        assertThat(none).hasSizeGreaterThanOrEqualTo(30);
        // before: 35 of 35; "i'd love to give you a quick tour of the product first" now reads as behavioural
        List<String> wrong = wrong(none);
        assertThat(wrong).as("of %d", none.size()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void technicalQuestionsKeepTheirTopicWhateverTheFraming() {
        List<Line> technical = lines.stream()
                .filter(l -> !l.category().equals("behavioral") && !l.category().equals("none")).toList();
        assertThat(technical).hasSizeGreaterThanOrEqualTo(120);
        List<String> wrong = wrong(technical);
        long asBehaviouralOrNone = wrong.stream().filter(w -> w.endsWith("→ behavioral") || w.endsWith("→ none")).count();
        // 121 of 129 right before and after; the wrong ones are each their own (none is read so framed only)
        assertThat(technical.size() - wrong.size()).as("right of %d; wrong: %s", technical.size(), wrong)
                .isGreaterThanOrEqualTo(technical.size() - 11);
        assertThat(asBehaviouralOrNone).as("read as behavioural or small talk: %s", wrong).isLessThanOrEqualTo(5);
    }

    @Test
    void behaviouralAndSmallTalkLinesOfTheTechnicalFramingsKeepTheirReading() {
        List<Line> controls = lines.stream()
                .filter(l -> !l.personal() && (l.category().equals("behavioral") || l.category().equals("none"))).toList();
        assertThat(controls).isNotEmpty();
        List<String> wrong = wrong(controls);
        // 23 of 26 before, 24 after ("you moved teams twice last year why" → none, a manager comparison → language_runtime)
        assertThat(wrong).as("of %d", controls.size()).hasSizeLessThanOrEqualTo(3);
    }
}
