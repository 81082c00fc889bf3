package dev.cuecard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PanelScoreTest {
    static final List<String> TRUTH = List.of(
            "id\tcategory\ttemplate\tspeechStartMs\tspeechEndMs\ttext",
            "q1\tcaching\tcache-aside\t1000\t3000\thow would you cache this",
            "s1\tnone\t-\t5000\t6000\tdid you find the office okay",
            "q2\tsystem_design\turl-shortener\t8000\t11000\tdesign a url shortener",
            "q3\tdatabases\t-\t13000\t15000\twhich database would you pick",
            "q4\tbehavioral\t-\t17000\t19000\ttell me about a conflict");

    static final List<String> EVENTS = List.of(
            // before the first utterance: counted apart, not in any window
            q(500, 9, "hello", "behavioral", false),
            // q1: right and early (-0.5 s), then refined to a wrong category
            q(2500, 1, "how would you cache", "caching", false),
            "{\"type\":\"partial\",\"atMs\":2600,\"channel\":\"them\",\"text\":\"how would\",\"startMs\":1000,\"endMs\":2600}",
            q(3200, 1, "how would you cache this", "databases", true),
            // the same id again without refined=true is not a refinement
            q(3300, 1, "how would you cache this", "system_design", false),
            // small talk carded
            q(5600, 2, "did you find the office", "behavioral", false),
            // q2: wrong first (+0.4 s), refined right; a second card in the same window is extra
            q(11400, 3, "design a url shortener", "databases", false),
            q(11800, 3, "design a url shortener", "system_design", true),
            q(12000, 4, "shortener", "behavioral", false),
            // q3's card comes after q4 started: it belongs to q4 (wrong there), q3 is missed; its
            // final starts a little before the measured onset but belongs to q3
            "{\"type\":\"final\",\"atMs\":16200,\"channel\":\"them\",\"text\":\"which data base\",\"startMs\":12950,\"endMs\":15000,\"words\":[]}",
            q(17000, 5, "which data base would you pick", "databases", false));

    static String q(long atMs, int id, String text, String category, boolean refined) {
        return "{\"type\":\"question\",\"atMs\":" + atMs + ",\"channel\":\"them\",\"id\":" + id + ",\"text\":\"" + text
                + "\",\"category\":\"" + category + "\",\"template\":\"t\",\"confidence\":0.7,\"speechEndMs\":"
                + (atMs - 100) + ",\"early\":false,\"refined\":" + refined + "}";
    }

    static PanelScore.Result result() {
        return PanelScore.score("test", PanelScore.readTruth(TRUTH), EVENTS);
    }

    @Test
    void cardsGoToTheUtteranceWhoseWindowHoldsThem() {
        PanelScore.Result r = result();
        assertThat(r.cardsBeforeFirstUtterance()).isEqualTo(1);
        assertThat(r.outcomes()).extracting(o -> o.cards().stream().map(c -> c.first().id()).toList())
                .containsExactly(List.of(1), List.of(2), List.of(3, 4), List.of(), List.of(5));
        assertThat(r.outcomes().get(0).cards().get(0).refinements()).hasSize(1);
        assertThat(r.outcomes().get(3).heardText()).isEqualTo("which data base");
        List<PanelScore.Truth> truth = PanelScore.readTruth(TRUTH);
        assertThat(PanelScore.windowOf(truth, 999)).isEqualTo(-1);
        assertThat(PanelScore.windowOf(truth, 1000)).isZero();
        assertThat(PanelScore.windowOf(truth, 7999)).isEqualTo(1);
        assertThat(PanelScore.windowOf(truth, 8000)).isEqualTo(2);
        assertThat(PanelScore.windowOf(truth, 1_000_000)).isEqualTo(4);
    }

    @Test
    void firstCardCountsOverAllQuestionsAndMissedIsWrong() {
        PanelScore.Scores s = result().scores();
        assertThat(s.questions()).isEqualTo(4);
        assertThat(s.carded()).isEqualTo(3);
        assertThat(s.firstRight()).isEqualTo(1);
        assertThat(s.missed()).isEqualTo(1);
        assertThat(s.smallTalk()).isEqualTo(1);
        assertThat(s.smallTalkCarded()).isEqualTo(1);
        assertThat(s.extraCards()).isEqualTo(1);
    }

    @Test
    void latencyIsFromTheTruthSpeechEndToTheFirstEvent() {
        PanelScore.Scores s = result().scores();
        assertThat(s.latenciesMs()).containsExactly(-500L, 400L, -2000L);
        assertThat(s.latencyPercentile(0.5)).contains(-500L);
        assertThat(s.latencyPercentile(0.9)).contains(400L);
        assertThat(s.early()).isEqualTo(2);
    }

    @Test
    void refinementsAreCountedWithTheirEffectOnTheCategory() {
        PanelScore.Scores s = result().scores();
        assertThat(s.refinements()).isEqualTo(2);
        assertThat(s.rightToWrong()).isEqualTo(1);
        assertThat(s.wrongToRight()).isEqualTo(1);
        assertThat(s.finalRight()).isEqualTo(1);
    }

    @Test
    void rowAndErrorListing() {
        PanelScore.Result r = result();
        assertThat(PanelScore.row(r)).startsWith("| test | 4 | 25.0 % (1/4) | 33.3 % (1/3) | 1 | 1/1 | 1 (+1 before) | -0.50 s | +0.40 s | 67 % | 2 (1 / 1) | 25.0 % (1/4) |");
        assertThat(PanelScore.header().lines().findFirst().orElseThrow().split("\\|", -1))
                .hasSameSizeAs(PanelScore.row(r).split("\\|", -1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PanelScore.printErrors(r, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String errors = bytes.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains("wrong first card (2):", "missed (1):", "small talk carded (1):",
                "q3 databases/- \"which database would you pick\" — heard: \"which data base\"",
                "- behavioral → databases: 1");
    }
}
