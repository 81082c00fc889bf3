package dev.cuecard.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import org.junit.jupiter.api.Test;

class FollowUpPickerTest {
    private final Template cacheAside = TemplateLibrary.shipped().get("cache-aside").orElseThrow();
    private final AnswerScorer scorer = AnswerScorer.shipped();

    @Test
    void pushesBackOnWhatTheAnswerMissed() {
        // says nothing about an outage of the cache: "What if Redis goes down?" shares the missed point's terms
        AnswerScore s = scorer.score(cacheAside, Answer.typed("Read the cache, on a miss load from the database and "
                + "set it with a TTL; on writes delete the key. Keys are namespaced and versioned, negative results "
                + "cached briefly, layers from CDN to in-process to Redis."));
        assertThat(s.missedKeyPoints()).anyMatch(k -> k.contains("outage"));
        assertThat(FollowUpPicker.pick(cacheAside, s, Seniority.MID)).isPresent();
    }

    @Test
    void withNothingToTargetJuniorsGetTheFirstFollowUpAndSeniorsTheLast() {
        AnswerScore empty = scorer.score(TemplateLibrary.shipped().get("deadlock").orElseThrow(), Answer.typed("locks"));
        Template t = TemplateLibrary.shipped().get("deadlock").orElseThrow();
        // the gap is everything: take an answer-independent check of the ends on a template
        AnswerScore none = new AnswerScore(0, empty.dimensions(), new dev.cuecard.session.debrief.AnswerFeedback(
                java.util.List.of(), empty.feedback().structure(), java.util.List.of(), java.util.List.of()));
        assertThat(FollowUpPicker.pick(t, none, Seniority.JUNIOR)).contains(t.card().followUps().get(0));
        assertThat(FollowUpPicker.pick(t, none, Seniority.SENIOR))
                .contains(t.card().followUps().get(t.card().followUps().size() - 1));
    }
}
