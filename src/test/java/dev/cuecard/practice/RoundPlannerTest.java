package dev.cuecard.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.question.Category;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RoundPlannerTest {
    private static final TemplateLibrary TEMPLATES = TemplateLibrary.shipped();

    private static List<PracticeQuestion> plan(RoundSetup setup, PracticeHistory history, long seed) {
        return new RoundPlanner(TEMPLATES, history).plan(setup, new Random(seed));
    }

    private static RoundSetup setup(RoundType type, Seniority s, String stack, String jd) {
        return new RoundSetup(type, s, Optional.empty(), Optional.ofNullable(stack), jd, "", false, 0);
    }

    @Test
    void aScreeningHasTenDistinctQuestionsAtMostTwoPerCategory() {
        List<PracticeQuestion> q = plan(RoundSetup.screening(Seniority.MID), PracticeHistory.empty(), 1);
        assertThat(q).hasSize(10);
        assertThat(q.stream().map(x -> x.template().id()).distinct()).hasSize(10);
        for (Category c : Category.topics()) {
            assertThat(q.stream().filter(x -> x.category() == c).count()).as(c.id()).isLessThanOrEqualTo(2);
        }
        assertThat(q).extracting(PracticeQuestion::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void seniorsGetMoreSystemDesignAndDistributedSystemsThanJuniors() {
        int junior = 0;
        int senior = 0;
        for (long seed = 0; seed < 40; seed++) {
            junior += countDesign(plan(RoundSetup.screening(Seniority.JUNIOR), PracticeHistory.empty(), seed));
            senior += countDesign(plan(RoundSetup.screening(Seniority.SENIOR), PracticeHistory.empty(), seed));
        }
        assertThat(senior).isGreaterThan(2 * junior);
    }

    private static int countDesign(List<PracticeQuestion> q) {
        return (int) q.stream().filter(x -> x.category() == Category.SYSTEM_DESIGN
                || x.category() == Category.DISTRIBUTED_SYSTEMS).count();
    }

    @Test
    void theStackKeepsOnlyItsOwnLanguageQuestions() {
        RoundSetup python = new RoundSetup(RoundType.DRILL, Seniority.MID, Optional.of(Category.LANGUAGE_RUNTIME),
                Optional.of("python"), "", "", false, 10);
        assertThat(plan(python, PracticeHistory.empty(), 3)).isNotEmpty()
                .allSatisfy(q -> assertThat(q.template().id()).startsWith("python-"));
    }

    @Test
    void theJobDescriptionNamesTheStackAndWeightsItsTopics() {
        String jd = "Backend engineer, Go and Kafka. You will own our Kafka consumers, idempotent consumers, "
                + "the transactional outbox and exactly-once delivery semantics.";
        int withJd = 0;
        int without = 0;
        for (long seed = 0; seed < 30; seed++) {
            withJd += countTopics(plan(setup(RoundType.SCREENING, Seniority.MID, null, jd), PracticeHistory.empty(), seed));
            without += countTopics(plan(setup(RoundType.SCREENING, Seniority.MID, null, ""), PracticeHistory.empty(), seed));
            assertThat(plan(setup(RoundType.SCREENING, Seniority.MID, null, jd), PracticeHistory.empty(), seed))
                    .filteredOn(q -> q.category() == Category.LANGUAGE_RUNTIME)
                    .allSatisfy(q -> assertThat(q.template().id()).startsWith("go-"));
        }
        assertThat(withJd).isGreaterThan(without);
    }

    private static int countTopics(List<PracticeQuestion> q) {
        return (int) q.stream().filter(x -> List.of("kafka-basics", "idempotent-consumer", "transactional-outbox",
                "delivery-semantics").contains(x.template().id())).count();
    }

    @Test
    void aWeakTopicDrillTakesTheLowestScoringCategories() {
        List<PracticeHistory.Entry> past = new ArrayList<>();
        Instant at = Instant.parse("2026-11-01T10:00:00Z");
        past.add(new PracticeHistory.Entry(Category.CACHING, "cache-aside", 8.5, at, SessionKind.PRACTICE));
        past.add(new PracticeHistory.Entry(Category.DATABASES, "isolation-levels", 2.0, at, SessionKind.LIVE));
        past.add(new PracticeHistory.Entry(Category.CONCURRENCY, "deadlock", 4.0, at, SessionKind.PRACTICE));
        past.add(new PracticeHistory.Entry(Category.API_DESIGN, "put-vs-patch", 7.0, at, SessionKind.PRACTICE));
        PracticeHistory history = new PracticeHistory(past);
        assertThat(history.weakest()).startsWith(Category.DATABASES, Category.CONCURRENCY);
        List<PracticeQuestion> q = plan(RoundSetup.weakTopicDrill(Seniority.MID), history, 5);
        assertThat(q).hasSize(5).allSatisfy(x -> assertThat(x.category()).isIn(Category.DATABASES, Category.CONCURRENCY));
    }

    @Test
    void aFullLoopCoversEveryCategoryAndOpensWithTheCandidatesStory() {
        List<PracticeQuestion> q = plan(setup(RoundType.FULL_LOOP, Seniority.SENIOR, null, ""), PracticeHistory.empty(), 9);
        assertThat(q).hasSize(10);
        assertThat(q.stream().map(PracticeQuestion::category).distinct()).hasSize(10);
        assertThat(q.get(0).category()).isEqualTo(Category.BEHAVIORAL);
        assertThat(q.get(9).category()).isEqualTo(Category.SYSTEM_DESIGN);
    }

    @Test
    void questionsAreAskedAsSentences() {
        assertThat(PracticeQuestion.of(1, TEMPLATES.get("rate-limiter").orElseThrow()).text()).isEqualTo("Design a rate limiter.");
        assertThat(PracticeQuestion.of(1, TEMPLATES.get("deadlock").orElseThrow()).text())
                .isEqualTo("What is a deadlock and how do you prevent it?");
        // triggers are written as the recogniser hears them; the question is asked with the names as titles spell them
        assertThat(asked("acid-transactions")).isEqualTo("What does ACID mean?");
        assertThat(asked("rest-graphql-grpc")).isEqualTo("What is the difference between REST GraphQL and gRPC?");
        assertThat(asked("java-string-immutability")).isEqualTo("Why are strings immutable in Java?");
        assertThat(asked("collaborative-editor")).isEqualTo("Design Google Docs.");
        assertThat(asked("put-vs-patch")).isEqualTo("What is the difference between PUT and PATCH?");
        // a word the titles also use as a plain word stays plain; code names are not spelt into sentences
        assertThat(asked("cache-stampede")).isEqualTo("What is a cache stampede?");
        assertThat(asked("transactional-outbox")).isEqualTo("Explain the transactional outbox pattern.");
    }

    private static String asked(String id) {
        return PracticeQuestion.of(1, TEMPLATES.get(id).orElseThrow()).text();
    }
}
