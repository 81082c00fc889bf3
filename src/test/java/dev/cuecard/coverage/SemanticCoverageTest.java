package dev.cuecard.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.TemplateLibrary;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped coverage decision on the held-out part of {@code coverage/pairs.yaml} (never used to
 * choose its parameters), with the real embedding model.
 */
class SemanticCoverageTest {
    private static final CoveragePairs PAIRS = CoveragePairs.load(TemplateLibrary.shipped());

    @Test
    void heldOutPairsAreTickedWithGoodPrecisionAndMoreRecallThanWordsAlone() {
        SemanticCoverage semantic = SemanticCoverage.shipped();
        assertThat(semantic.semantic()).as("embedding model loaded").isTrue();
        List<CoveragePairs.Scored> heldOut = PAIRS.score(semantic, true);
        CoveragePairs.Quality q = CoveragePairs.quality(heldOut, semantic.params());
        CoveragePairs.Quality words = CoveragePairs.lexicalQuality(PAIRS.score(SemanticCoverage.lexical(AsrVocabulary.shipped()), true));
        assertThat(q.precision()).as("precision %s", q).isGreaterThanOrEqualTo(PRECISION);
        assertThat(q.recall()).as("recall %s", q).isGreaterThanOrEqualTo(RECALL).isGreaterThan(words.recall());
        // the tracker decides exactly as the calibration's replay of its evidence
        for (CoveragePairs.Item item : PAIRS.items().stream().filter(CoveragePairs.Item::heldOut).toList()) {
            List<PointCoverage> found = semantic.cover(item.points(), item.text());
            for (PointCoverage p : found) {
                boolean rule = p.cosine() + semantic.params().lexicalWeight() * p.lexical()
                        + semantic.params().marginWeight() * p.margin() >= semantic.params().threshold()
                        || semantic.params().lexicalRuleSuffices() && p.lexicalRule();
                assertThat(p.covered()).as(p.point()).isEqualTo(rule);
            }
        }
    }

    @Test
    void wordsArrivingInPiecesAreJudgedLikeTheWholeAnswer() {
        SemanticCoverage semantic = SemanticCoverage.shipped();
        CoveragePairs.Item item = PAIRS.items().get(0);
        SemanticCoverage.Tracker t = semantic.track(item.points());
        String[] words = item.text().split(" ");
        int half = words.length / 2;
        t.add(String.join(" ", java.util.Arrays.copyOfRange(words, 0, half)));
        t.add(String.join(" ", java.util.Arrays.copyOfRange(words, half, words.length)));
        List<Boolean> pieces = t.coverage().stream().map(PointCoverage::covered).toList();
        List<Boolean> whole = semantic.cover(item.points(), item.text()).stream().map(PointCoverage::covered).toList();
        assertThat(pieces).isEqualTo(whole);
    }

    @Test
    void withoutAModelTheLexicalRuleDecides() {
        SemanticCoverage words = SemanticCoverage.lexical(AsrVocabulary.shipped());
        List<PointCoverage> c = words.cover(List.of("Optimistic locking with a version column", "Sharding by user id"),
                "we would use optimistic lacking with a version column and retries");
        assertThat(c.get(0).covered()).isTrue();
        assertThat(c.get(0).matchedTerms()).contains("optimistic", "locking", "version");
        assertThat(c.get(1).covered()).isFalse();
    }

    static final double PRECISION = 0.9;
    static final double RECALL = 0.75;
}
