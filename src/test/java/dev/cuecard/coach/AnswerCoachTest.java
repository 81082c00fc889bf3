package dev.cuecard.coach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.asr.TranscriptKind;
import dev.cuecard.audio.Channel;
import dev.cuecard.coverage.SemanticCoverage;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.HintSource;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.question.Category;
import dev.cuecard.question.Classification;
import dev.cuecard.question.DetectedQuestion;
import dev.cuecard.question.TemplateCard;
import dev.cuecard.question.TemplateLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The coach's logic driven directly, with the real embedding model and the shipped cards. */
class AnswerCoachTest {
    private static final TemplateLibrary TEMPLATES = TemplateLibrary.shipped();
    private static final String JITTER = "TTL jitter stops keys loaded together from expiring together";
    private static final String STALE = "Slightly stale data beats an outage";
    private static final String CDN = "CDNs do the same with request collapsing and origin shields";

    private final List<PipelineEvent> out = new ArrayList<>();
    private long meAt;

    private AnswerCoach coach(boolean gated) {
        return new AnswerCoach(SemanticCoverage.shipped(), gated, e -> out.add(e.apply(meAt)));
    }

    @Test
    void ticksThePointsTheAnswerMakesOnceEachAndNotTheOthers() {
        AnswerCoach c = coach(false);
        c.question(question(1, 0));
        c.hint(1, hint("cache-stampede"));
        c.heard(me(5_000, 9_000, "so the first thing i do is add some random jitter to the expiry time"));
        c.heard(me(9_500, 14_000, "so that keys that were loaded together do not all expire at the same moment"));
        c.heard(me(15_000, 19_000, "and i would much rather serve slightly stale data than have an outage"));
        c.heard(me(20_000, 23_000, "again keys loaded together should not expire together"));
        c.candidateEnded();

        assertThat(ticks()).containsExactlyInAnyOrder(JITTER, STALE).doesNotContain(CDN);
        assertThat(out).filteredOn(PipelineEvent.AnswerEnd.class::isInstance).singleElement().satisfies(e -> {
            PipelineEvent.AnswerEnd end = (PipelineEvent.AnswerEnd) e;
            assertThat(end.questionId()).isEqualTo(1);
            assertThat(end.durationMs()).isEqualTo(18_000);
            assertThat(end.covered()).containsExactlyInAnyOrder(JITTER, STALE);
            assertThat(end.missed()).contains(CDN);
            assertThat(end.likelyFollowUp()).isPresent();
            assertThat(end.wordsPerMinute()).isPositive();
        });
    }

    @Test
    void aRefinedCardIsComparedWithTheWordsAlreadyHeard() {
        AnswerCoach c = coach(false);
        c.question(question(1, 0));
        c.hint(1, hint("rate-limiter"));
        c.heard(me(5_000, 9_000, "and i would much rather serve slightly stale data than have an outage"));
        assertThat(ticks()).isEmpty();
        c.hint(1, hint("cache-stampede"));
        assertThat(ticks()).containsExactly(STALE);
    }

    @Test
    void wordsWaitForTheInterviewersChannelSoALaterQuestionClaimsThem() {
        AnswerCoach c = coach(true);
        c.question(question(1, 0));
        c.hint(1, hint("rate-limiter"));
        c.interviewerAt(10_000);
        c.heard(me(30_000, 34_000, "and i would much rather serve slightly stale data than have an outage"));
        assertThat(ticks()).isEmpty(); // the interviewer has only been heard up to 10 s
        c.question(question(2, 25_000));
        c.hint(2, hint("cache-stampede"));
        c.interviewerAt(35_000);
        assertThat(out).filteredOn(PipelineEvent.Coverage.class::isInstance)
                .extracting(e -> ((PipelineEvent.Coverage) e).questionId()).containsExactly(2);
        assertThat(ticks()).containsExactly(STALE);
    }

    @Test
    void theAnswerEndsWhenTheInterviewerClosesTheQuestionsAndALaterQuestionReopens() {
        AnswerCoach c = coach(true);
        c.question(question(1, 0));
        c.hint(1, hint("cache-stampede"));
        c.interviewerAt(4_000);
        c.heard(me(5_000, 15_000, "i would add ttl jitter so keys loaded together do not expire together"));
        c.closing(20_000); // "do you have any questions for me"
        c.interviewerAt(22_000);
        c.heard(me(23_000, 40_000, "yes what does a typical week look like for the team"));
        c.interviewerAt(41_000);
        meAt = 41_000;
        c.candidateAt(41_000);
        List<PipelineEvent.AnswerEnd> ends = out.stream().filter(PipelineEvent.AnswerEnd.class::isInstance)
                .map(PipelineEvent.AnswerEnd.class::cast).toList();
        assertThat(ends).hasSize(1);
        assertThat(ends.get(0).durationMs()).isEqualTo(10_000);
        assertThat(lastProgress().elapsedMs()).as("the candidate's own question is no part of it").isEqualTo(10_000);

        c.question(question(2, 45_000)); // the interview went on after all
        c.hint(2, hint("rate-limiter"));
        c.interviewerAt(48_000);
        c.heard(me(50_000, 55_000, "i would use a token bucket per client"));
        c.interviewerAt(56_000);
        assertThat(lastProgress().questionId()).isEqualTo(2);
    }

    @Test
    void progressTimesTheAnswerCountsFillersAndCuesTheWrapUpAtTwoMinutes() {
        AnswerCoach c = coach(false);
        c.question(question(1, 0));
        c.hint(1, hint("cache-stampede"));
        c.heard(me(2_000, 6_000, "um so uh basically it is when a hot key expires"));
        PipelineEvent.AnswerProgress first = lastProgress();
        assertThat(first.startMs()).isEqualTo(2_000);
        assertThat(first.elapsedMs()).isEqualTo(4_000);
        assertThat(first.fillers()).isEqualTo(3);
        assertThat(first.wrapUp()).isFalse();
        assertThat(first.nextToSay()).hasSize(2).first().isEqualTo("TTL jitter stops keys loaded together from expiring together");
        assertThat(first.nextToSay()).contains("a trade-off");
        c.heard(me(118_000, 125_000, "and that is the main thing i would do about it in the end"));
        PipelineEvent.AnswerProgress later = lastProgress();
        assertThat(later.elapsedMs()).isEqualTo(123_000);
        assertThat(later.wrapUp()).isTrue();
        assertThat(later.wordsPerMinute()).isPositive();
    }

    @Test
    void aKeyPointIsShownAsAGlanceNotASentence() {
        assertThat(AnswerCoach.glance("Delete on write rather than update — avoids racing stale values in"))
                .isEqualTo("Delete on write rather than update");
    }

    private List<String> ticks() {
        return out.stream().filter(PipelineEvent.Coverage.class::isInstance).map(e -> ((PipelineEvent.Coverage) e).point())
                .toList();
    }

    private PipelineEvent.AnswerProgress lastProgress() {
        return out.stream().filter(PipelineEvent.AnswerProgress.class::isInstance).map(PipelineEvent.AnswerProgress.class::cast)
                .reduce((a, b) -> b).orElseThrow();
    }

    private TranscriptEvent me(long start, long end, String text) {
        meAt = end + 300;
        return new TranscriptEvent(Channel.ME, TranscriptKind.FINAL, text, start, end, meAt, List.of());
    }

    private static DetectedQuestion question(int id, long startMs) {
        return new DetectedQuestion(id, Channel.THEM, new Classification("q" + id, true, Category.CACHING, Optional.empty(),
                0.9, 1.0), startMs + 2_000, startMs + 2_000, false, false).startingAt(startMs);
    }

    private static Hint hint(String templateId) {
        TemplateCard card = TEMPLATES.get(templateId).orElseThrow().card();
        return new Hint("q", Category.CACHING, templateId, HintSource.TEMPLATE, templateId, card.gist(), card.structure(),
                card.keyPoints(), card.numbers(), card.pitfalls(), card.followUps());
    }
}
