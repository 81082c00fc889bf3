package dev.cuecard.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Tell me about consistent hashing" is a technical question, though every "tell me about …" line the
 * model once learnt from was behavioural ("tell me about a time …"), and it read such questions as
 * behavioural. Checked on lines written for this test and never trained on (devset/tell-me-about.tsv),
 * with the full reading the CLI's {@code classify} and a card's decision use.
 */
class TechnicalOpenersTest {
    record Line(String category, String text) { }

    static List<Line> lines;
    static ProbeLines reader;

    @BeforeAll
    static void load() throws Exception {
        lines = ProbeLines.fields("/devset/tell-me-about.tsv").stream().map(f -> new Line(f[0], f[1])).toList();
        reader = ProbeLines.shippedReader();
    }

    private static String read(String text) {
        return reader.categoryOf(text);
    }

    @Test
    void technicalQuestionsOpenedLikeBehaviouralOnesKeepTheirTopic() {
        List<Line> technical = lines.stream()
                .filter(l -> !l.category().equals("behavioral") && !l.category().equals("none")).toList();
        assertThat(technical).hasSizeGreaterThanOrEqualTo(40);
        List<String> wrong = new ArrayList<>();
        long readAsBehavioural = 0;
        for (Line l : technical) {
            String got = read(l.text());
            if (!got.equals(l.category())) {
                wrong.add(l.text() + " → " + got);
            }
            readAsBehavioural += got.equals("behavioral") ? 1 : 0;
        }
        // the model before the dev split had such lines: 39 of 46 right, 7 read as behavioural
        assertThat(technical.size() - wrong.size()).as("right of %d; wrong: %s", technical.size(), wrong)
                .isGreaterThanOrEqualTo(technical.size() - 3);
        assertThat(readAsBehavioural).as("read as behavioural: %s", wrong).isLessThanOrEqualTo(2);
    }

    @Test
    void behaviouralQuestionsWithTheSameOpeningStayBehavioural() {
        List<Line> behavioural = lines.stream().filter(l -> l.category().equals("behavioral")).toList();
        assertThat(behavioural).isNotEmpty();
        assertThat(behavioural).allSatisfy(l -> assertThat(read(l.text())).as(l.text()).isEqualTo("behavioral"));
    }
}
