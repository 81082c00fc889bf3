package dev.cuecard.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Questions about the candidate's career moves — why they left, a switch of industry or role, a short
 * stay, a gap — are behavioural questions (TAXONOMY.md: "motivation"), and were the behavioural
 * questions most often read as small talk: a remark about the CV and then "what drove that?". Lines
 * talking about careers that ask nothing (the interviewer's own path, a summary of the candidate's)
 * stay small talk. Checked on lines written for this probe and never trained on
 * (devset/career-moves.tsv); set b was kept out of every choice.
 */
class CareerMovesTest {
    static List<String[]> lines;
    static ProbeLines reader;

    @BeforeAll
    static void load() throws Exception {
        lines = ProbeLines.fields("/devset/career-moves.tsv");
        reader = ProbeLines.shippedReader();
    }

    private static List<String> readAs(String set, String category, boolean right) {
        return lines.stream().filter(l -> l[0].equals(set) && l[1].equals(category))
                .filter(l -> reader.categoryOf(l[2]).equals(category) == right)
                .map(l -> l[2] + " → " + reader.categoryOf(l[2])).toList();
    }

    private static long count(String set, String category) {
        return lines.stream().filter(l -> l[0].equals(set) && l[1].equals(category)).count();
    }

    @Test
    void questionsAboutTheCandidatesCareerMovesGetABehaviouralCard() {
        assertThat(count("a", "behavioral")).isEqualTo(60);
        assertThat(count("b", "behavioral")).isEqualTo(40);
        // before the career-moves template and its question phrases: a 44 of 60, b 30 of 40; after: 50, 32; after a
        // move read as small talk is turned by CareerMove ("you moved from fintech into healthcare, what drew you …"): 51, 35
        assertThat(readAs("a", "behavioral", true)).as("wrong: %s", readAs("a", "behavioral", false))
                .hasSizeGreaterThanOrEqualTo(48);
        assertThat(readAs("b", "behavioral", true)).as("wrong: %s", readAs("b", "behavioral", false))
                .hasSizeGreaterThanOrEqualTo(34);
        // other behavioural themes in the same spoken shapes: 30 of 30 before and after
        assertThat(readAs("b-other", "behavioral", false)).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void talkAboutCareersThatAsksNothingStaysSmallTalk() {
        assertThat(count("a", "none")).isEqualTo(60);
        assertThat(count("b", "none")).isEqualTo(40);
        // 4 of 60 and 3 of 40 carded before; 4 and 2 after (the summary "so to summarize, you went from agency
        // work to a startup …" is a reaction to the answer: AnswerReaction); 6 and 2 since the val12-val27 panels joined
        // the training text (two of the interviewer's own remarks about careers now read as behavioural)
        assertThat(readAs("a", "none", false)).hasSizeLessThanOrEqualTo(6);
        assertThat(readAs("b", "none", false)).hasSizeLessThanOrEqualTo(4);
    }
}
