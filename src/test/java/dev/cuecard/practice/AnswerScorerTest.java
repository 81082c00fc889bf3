package dev.cuecard.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.Channel;
import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.Utterance;
import dev.cuecard.session.debrief.AnswerFeedback;
import dev.cuecard.session.debrief.KeyPointCoverage;
import dev.cuecard.session.debrief.StructureCheck;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerScorerTest {
    private static final TemplateLibrary TEMPLATES = TemplateLibrary.shipped();
    private final AnswerScorer scorer = AnswerScorer.shipped();

    private static Template t(String id) {
        return TEMPLATES.get(id).orElseThrow();
    }

    @Test
    void weightsAddUpToTenSoEachWeightIsThePointsADimensionCanBring() {
        assertThat(Arrays.stream(Dimension.values()).mapToInt(Dimension::weight).sum()).isEqualTo(10);
    }

    @Test
    void noAnswerScoresZeroEverywhere() {
        AnswerScore s = scorer.score(t("deadlock"), Answer.typed("  "));
        assertThat(s.total()).isZero();
        assertThat(s.dimensions()).allSatisfy(d -> assertThat(d.score()).contains(0.0));
    }

    @Test
    void theTotalIsTheWeightedMeanOfTheMeasuredDimensions() {
        AnswerScore s = scorer.score(t("deadlock"), Answer.typed("I would lock accounts in id order because a "
                + "global lock order breaks circular wait; the downside is coarser locking, for example 200 ms timeouts."));
        assertThat(s.dimension(Dimension.PACE).score()).as("a typed answer has no pace").isEmpty();
        double sum = 0;
        int weights = 0;
        for (DimensionScore d : s.dimensions()) {
            if (d.score().isPresent()) {
                sum += d.dimension().weight() * d.score().get();
                weights += d.dimension().weight();
            }
        }
        assertThat(weights).isEqualTo(9);
        assertThat(s.total()).isCloseTo(10 * sum / weights, org.assertj.core.data.Offset.offset(0.051));
    }

    @Test
    void theLengthAdviceNeverAsksForAPartTheStructureFound() {
        // short, but claim, reasoning and trade-off are all there (the trade-off says "the downside is")
        AnswerScore complete = scorer.score(t("deadlock"), Answer.typed("I would lock accounts in id order because a "
                + "global lock order breaks circular wait; the downside is coarser locking, for example 200 ms timeouts."));
        assertThat(complete.feedback().structure().missing()).isEmpty();
        assertThat(complete.dimension(Dimension.LENGTH).suggestion()).startsWith("Too short").doesNotContain("trade-off");
        // the same length with no trade-off: the length advice names it, as the structure advice does
        AnswerScore noTradeOff = scorer.score(t("deadlock"), Answer.typed("I would lock accounts in id order because "
                + "a global lock order breaks circular wait."));
        assertThat(noTradeOff.feedback().structure().missing()).contains("trade-off");
        assertThat(noTradeOff.dimension(Dimension.LENGTH).suggestion()).contains("trade-off");
    }

    @Test
    void everyMeasuredDimensionCarriesOneSuggestion() {
        AnswerScore s = scorer.score(t("rate-limiter"), Answer.typed("um you like count requests"));
        assertThat(s.dimensions()).filteredOn(d -> d.score().isPresent())
                .allSatisfy(d -> assertThat(d.suggestion()).isNotBlank());
        assertThat(s.dimension(Dimension.STRUCTURE).suggestion()).contains("Open with your answer");
        assertThat(s.dimension(Dimension.SPECIFICITY).suggestion()).contains("number");
        assertThat(s.dimension(Dimension.COVERAGE).suggestion()).startsWith("Cover this point too:");
        // five words: the fillers score is scaled down, and its finding says why
        assertThat(s.dimension(Dimension.FILLERS).finding()).contains("scored on 5 words, part of the 50");
    }

    @Test
    void coverageNamesWhatWasCoveredAndMissed() {
        AnswerScore s = scorer.score(t("rate-limiter"), Answer.typed("A token bucket allows bursts up to its "
                + "capacity with a steady refill rate, and the increment must be atomic with a Lua script or INCR."));
        assertThat(s.coveredKeyPoints()).anyMatch(k -> k.startsWith("Token bucket"))
                .anyMatch(k -> k.startsWith("Read-modify-write"));
        assertThat(s.missedKeyPoints()).anyMatch(k -> k.startsWith("Sliding log"));
    }

    @Test
    void aBehaviouralResultWithoutANumberOnlyHalfCounts() {
        String story = "At my last job we had a conflict about a rewrite. My job was to lead the plan. I proposed "
                + "a spike and I talked to him. As a result incidents dropped";
        double without = scorer.score(t("conflict-teammate"), Answer.typed(story + ".")).dimension(Dimension.STRUCTURE)
                .score().orElseThrow();
        double with = scorer.score(t("conflict-teammate"), Answer.typed(story + " by 40 percent."))
                .dimension(Dimension.STRUCTURE).score().orElseThrow();
        assertThat(with).isEqualTo(1.0);
        assertThat(without).isEqualTo(0.875);
    }

    @Test
    void fillersAreNamedAndPaceIsMeasuredOnSpeech() {
        // 60 words in 20 s of speech: 180 wpm, with "um" three times
        StringBuilder words = new StringBuilder("um um um");
        for (int i = 0; i < 57; i++) {
            words.append(" cache");
        }
        Answer spoken = Answer.spoken(List.of(new Utterance(Channel.ME, 0, 20_000, words.toString())));
        AnswerScore s = scorer.score(t("cache-aside"), spoken);
        assertThat(s.dimension(Dimension.PACE).finding()).isEqualTo("180 words per minute");
        assertThat(s.dimension(Dimension.PACE).suggestion()).startsWith("Slow down");
        assertThat(s.dimension(Dimension.FILLERS).suggestion()).contains("\"um\"").contains("3×");
        assertThat(s.dimension(Dimension.LENGTH).suggestion()).startsWith("Too short");
    }

    @Test
    void theWeakestDimensionIsTheOneThatLostMostWeightedPoints() {
        AnswerScore s = scorer.score(t("n-plus-one"), Answer.typed("I would use a join because one query per row "
                + "costs N round trips; the downside is row multiplication. For example 50 orders at 2 ms each."));
        assertThat(s.weakest()).map(DimensionScore::dimension).contains(Dimension.COVERAGE);
    }

    private static AnswerFeedback feedback(KeyPointCoverage... items) {
        return new AnswerFeedback(List.of(items), new StructureCheck("claim → reasoning → trade-off", List.of(), true),
                List.of(), List.of());
    }

    private static KeyPointCoverage item(String text, double credit) {
        return new KeyPointCoverage(text, credit == 1, List.of(), credit);
    }

    @Test
    void coverageIsTheCoreThenTheDepth() {
        // the gist said and no key point: the core, 60 % of coverage
        AnswerFeedback shallow = feedback(item("gist", 1), item("a", 0), item("b", 0), item("c", 0), item("d", 0));
        assertThat(AnswerScorer.coverage(shallow, 40).score()).contains(0.6);
        // a one-liner has not stated the core yet: full from 30 words
        assertThat(AnswerScorer.coverage(shallow, 15).score().orElseThrow()).isCloseTo(0.3,
                org.assertj.core.data.Offset.offset(1e-9));
        // the core is the closest item, so a key point said (gist misheard) carries it too
        AnswerFeedback keyPointOnly = feedback(item("gist", 0), item("a", 1), item("b", 0), item("c", 0), item("d", 0));
        assertThat(AnswerScorer.coverage(keyPointOnly, 40).score().orElseThrow()).isCloseTo(0.6 + 0.4 / 3,
                org.assertj.core.data.Offset.offset(1e-9));
        // partial credit 0.25 (half of the 0.5 cap) is half way to the core
        AnswerFeedback close = feedback(item("gist", 0.25), item("a", 0), item("b", 0), item("c", 0), item("d", 0));
        assertThat(AnswerScorer.coverage(close, 40).score().orElseThrow()).isCloseTo(0.3,
                org.assertj.core.data.Offset.offset(1e-9));
        // the gist and ⌈60 %⌉ of the key points: full coverage
        AnswerFeedback full = feedback(item("gist", 1), item("a", 1), item("b", 1), item("c", 1), item("d", 0));
        assertThat(AnswerScorer.coverage(full, 150).score()).contains(1.0);
        assertThat(AnswerScorer.coverage(full, 150).finding())
                .as("the gist is not one of the key points, as in the debrief's count").isEqualTo("3 of 4 key points, the gist stated");
    }

    @Test
    void aTypedAnswersLengthIsItsWordsAgainstOneToTwoMinutesSaid() {
        String word = "cache ";
        AnswerScore half = scorer.score(t("cache-aside"), Answer.typed(word.repeat(65)));
        assertThat(half.dimension(Dimension.LENGTH).score()).contains(0.5);
        assertThat(half.dimension(Dimension.LENGTH).finding()).isEqualTo("65 words");
        assertThat(half.dimension(Dimension.LENGTH).suggestion()).startsWith("Too short").contains("130–260 words");
        AnswerScore onTarget = scorer.score(t("cache-aside"), Answer.typed(word.repeat(200)));
        assertThat(onTarget.dimension(Dimension.LENGTH).score()).contains(1.0);
        assertThat(onTarget.dimension(Dimension.LENGTH).suggestion()).startsWith("Length on target");
        AnswerScore tooLong = scorer.score(t("cache-aside"), Answer.typed(word.repeat(390)));
        assertThat(tooLong.dimension(Dimension.LENGTH).score()).contains(0.5);
        assertThat(tooLong.dimension(Dimension.LENGTH).suggestion()).startsWith("Too long");
    }

    @Test
    void aDimensionOfAnAnswerOffTheQuestionCountsInProportionAndSaysSo() {
        Template deadlock = TEMPLATES.get("deadlock").orElseThrow();
        DimensionScore shape = AnswerScorer.counted(DimensionScore.of(Dimension.STRUCTURE, 1, "complete", "keep it"),
                0.25, deadlock);
        assertThat(shape.score()).contains(0.25);
        assertThat(shape.finding()).isEqualTo("complete; counted at 25 % (off topic)");
        assertThat(shape.suggestion()).isEqualTo("keep it");
        DimensionScore coverage = AnswerScorer.counted(DimensionScore.of(Dimension.COVERAGE, 0.4, "0 of 5 key points",
                "Cover this point too: x."), 0, deadlock);
        assertThat(coverage.score()).contains(0.0);
        assertThat(coverage.finding()).endsWith("counted at 0 %: the answer is mostly about another topic");
        assertThat(coverage.suggestion()).startsWith("Answer the question asked; its core: ")
                .contains(deadlock.card().gist().substring(0, 20));
        assertThat(AnswerScorer.counted(DimensionScore.of(Dimension.STRUCTURE, 1, "complete", "keep it"), 0, deadlock)
                .suggestion()).isEqualTo("Counts once the answer is about the question asked.");
        // on the question: unchanged
        DimensionScore on = DimensionScore.of(Dimension.SPECIFICITY, 0.8, "1 figure", "add an example");
        assertThat(AnswerScorer.counted(on, 1, deadlock)).isEqualTo(on);
    }

    @Test
    void aStoryToABehaviouralQuestionIsNotReadAsOffTopicForItsTechnicalWords() {
        // its words name API templates (GraphQL, REST, OpenAPI, latency); read by topic it counted at 4 %
        String story = "On my last team a senior engineer wanted to put every service behind GraphQL, and I thought "
                + "REST with OpenAPI was simpler for our partners. We argued in code review for a week. I suggested we "
                + "write down the criteria, latency, tooling and partner needs, and prototype both for one endpoint. "
                + "The REST prototype won on partner feedback, he agreed, and we kept GraphQL for the internal dashboard.";
        AnswerScore s = AnswerScorer.shipped().score(TEMPLATES.get("conflict-teammate").orElseThrow(), Answer.typed(story));
        assertThat(s.dimensions()).noneMatch(d -> d.finding().contains("counted at"));
        // the same words as an answer to an API question are on its topic
        AnswerScore api = AnswerScorer.shipped().score(TEMPLATES.get("rest-graphql-grpc").orElseThrow(), Answer.typed(story));
        assertThat(api.dimensions()).noneMatch(d -> d.finding().contains("counted at"));
    }
}
