package dev.cuecard.session.debrief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionStore;
import dev.cuecard.testing.InterviewFixture;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Analytics and feedback on the fixture interview, whose words and timings are known exactly. */
class DebriefBuilderTest {
    @TempDir
    Path dir;

    private Debrief debrief;
    private SessionStore store;
    private long id;

    @BeforeEach
    void recordTheFixture() {
        store = SessionStore.open(dir.resolve("cuecard.db"));
        id = InterviewFixture.record(store);
        debrief = new DebriefBuilder(new AnswerFeedbackRater(AsrVocabulary.empty()), TemplateLibrary.of(List.of()))
                .build(store.load(id).orElseThrow());
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        store.close();
    }

    /** The events recorded as a live session through a real recorder, and its debrief (key points by words). */
    private Debrief liveDebrief(String title, List<dev.cuecard.pipeline.PipelineEvent> events) {
        long id;
        try (dev.cuecard.session.SessionRecorder r = dev.cuecard.session.SessionRecorder.start(store,
                new dev.cuecard.session.SessionInfo(dev.cuecard.session.SessionKind.LIVE, title, null, null, null, "m"))) {
            events.forEach(r::onEvent);
            id = r.sessionId();
        }
        return new DebriefBuilder(new AnswerFeedbackRater(AsrVocabulary.empty()), TemplateLibrary.of(List.of()))
                .build(store.load(id).orElseThrow());
    }

    @Test
    void feedbackIsGradedAgainstTheFinalRefinedCard() {
        java.util.List<dev.cuecard.pipeline.PipelineEvent> events = new java.util.ArrayList<>(InterviewFixture.events());
        dev.cuecard.hint.Hint template = InterviewFixture.hint(InterviewFixture.Q1, InterviewFixture.cacheTemplate());
        dev.cuecard.hint.Hint refined = new dev.cuecard.hint.Hint(template.question(), template.category(),
                template.templateId(), dev.cuecard.hint.HintSource.LLM, "Caching the catalog", template.gist(),
                template.structure(), List.of("Read-through cache in front of the database", "Invalidate on price change"),
                List.of(), List.of(), List.of());
        int at = events.indexOf(events.stream().filter(e -> e instanceof dev.cuecard.pipeline.PipelineEvent.HintReady)
                .findFirst().orElseThrow());
        events.add(at + 1, new dev.cuecard.pipeline.PipelineEvent.HintUpdate(1, refined, true, java.util.Optional.empty(),
                dev.cuecard.audio.Channel.THEM, 2600));
        Debrief d = liveDebrief("refined", events);
        assertThat(d.answers().get(0).hints()).hasSize(2);
        assertThat(d.answers().get(0).feedback().keyPoints()).extracting(KeyPointCoverage::keyPoint)
                .containsExactly("Read-through cache in front of the database", "Invalidate on price change");
        // the export says which card the feedback is graded against, as the debrief window does
        String md = new MarkdownExport(ZoneOffset.UTC).render(d);
        assertThat(md).contains("**Hint shown** (template, 200 ms after the question, replaced): " + template.title(),
                "**Hint shown** (llm, 800 ms after the question, final card): Caching the catalog");
        assertThat(d.answers().get(1).hintRole(0)).as("one card: nothing to tell apart").isEmpty();
    }

    @Test
    void aSessionWithoutTheCandidatesSideIsNotGradedButSaysWhy() {
        long themOnly;
        try (dev.cuecard.session.SessionRecorder r = dev.cuecard.session.SessionRecorder.start(store,
                new dev.cuecard.session.SessionInfo(dev.cuecard.session.SessionKind.REPLAY, "them.wav", "them.wav", null,
                        null, null))) {
            InterviewFixture.events().stream().filter(e -> !(e instanceof dev.cuecard.pipeline.PipelineEvent.Transcript t
                    && t.event().channel() == dev.cuecard.audio.Channel.ME)).forEach(r::onEvent);
            themOnly = r.sessionId();
        }
        Debrief d = new DebriefBuilder(new AnswerFeedbackRater(AsrVocabulary.empty()), TemplateLibrary.of(List.of()))
                .build(store.load(themOnly).orElseThrow());
        assertThat(d.candidateRecorded()).isFalse();
        assertThat(debrief.candidateRecorded()).as("the fixture with both sides").isTrue();
        String md = new MarkdownExport(ZoneOffset.UTC).render(d);
        assertThat(md).contains("Your side was not recorded").contains("## Q1.").doesNotContain("Structure (")
                .doesNotContain("Key points covered").doesNotContain("**My answer**");
        assertThat(new MarkdownExport(ZoneOffset.UTC).render(debrief)).contains("Structure (", "**My answer**");
    }

    @Test
    void answersAreTheMeChannelBetweenOneQuestionAndTheNext() {
        assertThat(debrief.answers()).hasSize(2);
        assertThat(debrief.answers().get(0).answerText())
                .isEqualTo(InterviewFixture.A1_PART1 + " " + InterviewFixture.A1_PART2);
        assertThat(debrief.answers().get(1).answerText()).isEqualTo(InterviewFixture.A2);
        assertThat(debrief.answerAt(50_000)).contains(debrief.answers().get(0));
        assertThat(debrief.answerAt(90_000)).contains(debrief.answers().get(1));
    }

    @Test
    void theLastAnswerEndsWhereTheInterviewerInvitesTheCandidatesOwnQuestions() {
        List<dev.cuecard.pipeline.PipelineEvent> events = new java.util.ArrayList<>(InterviewFixture.events());
        int end = events.size() - 1; // the interviewer's channel ended
        events.add(end, InterviewFixture.transcript(dev.cuecard.audio.Channel.THEM, 97_000, 99_000,
                "great thanks that's all i had do you have any questions for me"));
        events.add(end + 1, InterviewFixture.transcript(dev.cuecard.audio.Channel.ME, 100_000, 110_000,
                "yes what does a typical week look like for the team and how do you run on call"));
        Debrief d = liveDebrief("closing", events);

        assertThat(d.answers()).hasSize(2);
        assertThat(d.answers().get(1).answerText()).isEqualTo(InterviewFixture.A2);
        assertThat(d.answers().get(1).metrics().words()).isEqualTo(30);
        assertThat(d.analytics().me().words()).as("the whole session still counts it").isEqualTo(124 + 18);
    }

    @Test
    void aClosingLineBeforeAnotherQuestionEndsNothing() {
        List<dev.cuecard.pipeline.PipelineEvent> events = new java.util.ArrayList<>(InterviewFixture.events());
        // "any questions for me" said between the answer's two parts, with a question still to come
        int secondPart = events.indexOf(InterviewFixture.transcript(dev.cuecard.audio.Channel.ME, 40000, 70000,
                InterviewFixture.A1_PART2));
        events.add(secondPart, InterviewFixture.transcript(dev.cuecard.audio.Channel.THEM, 36_000, 38_000,
                "any questions for me so far"));
        Debrief d = liveDebrief("mid", events);
        assertThat(d.answers().get(0).answerText()).isEqualTo(InterviewFixture.A1_PART1 + " " + InterviewFixture.A1_PART2);
    }

    @Test
    void perAnswerFigures() {
        SpeakingMetrics a1 = debrief.answers().get(0).metrics();
        assertThat(a1.words()).isEqualTo(63 + 31);
        assertThat(a1.speakingMs()).isEqualTo(60_000);
        assertThat(a1.wordsPerMinute()).isCloseTo(94.0, within(1e-9));
        assertThat(a1.spanMs()).isEqualTo(66_000);
        assertThat(a1.fillers()).isEqualTo(Map.of("um", 2, "you know", 1, "like", 1, "basically", 1));
        assertThat(debrief.answers().get(0).length()).isEqualTo(AnswerLength.ON_TARGET);

        SpeakingMetrics a2 = debrief.answers().get(1).metrics();
        assertThat(a2.words()).isEqualTo(30);
        assertThat(a2.wordsPerMinute()).isCloseTo(180.0, within(1e-9));
        assertThat(a2.fillers()).isEqualTo(Map.of("uh", 1));
        assertThat(debrief.answers().get(1).length()).isEqualTo(AnswerLength.SHORT);
    }

    @Test
    void sessionFigures() {
        SessionAnalytics s = debrief.analytics();
        assertThat(s.me().words()).isEqualTo(124);
        assertThat(s.me().wordsPerMinute()).isCloseTo(124 * 60.0 / 70, within(1e-9));
        assertThat(s.me().fillerCount()).isEqualTo(6);
        assertThat(s.talk().meMs()).isEqualTo(70_000);
        assertThat(s.talk().themMs()).isEqualTo(2_800 + 3_000);
        assertThat(s.talk().meShare()).isCloseTo(70_000.0 / 75_800, within(1e-9));
        assertThat(s.answered()).isEqualTo(2);
        assertThat(s.onTarget()).isEqualTo(1);
    }

    @Test
    void feedbackOnKeyPointsStructureAndSpecifics() {
        AnswerFeedback f1 = debrief.answers().get(0).feedback();
        assertThat(f1.keyPoints()).extracting(KeyPointCoverage::covered).containsExactly(true, true, true, false);
        assertThat(f1.structure().shape()).isEqualTo("claim → reasoning → trade-off");
        assertThat(f1.structure().complete()).isTrue();
        assertThat(f1.numbers()).contains("ninety percent", "five minutes", "eighty percent",
                "two hundred milliseconds", "forty milliseconds");
        assertThat(f1.examples()).contains("for example", "at my last");

        AnswerFeedback f2 = debrief.answers().get(1).feedback();
        assertThat(f2.structure().shape()).isEqualTo("STAR");
        assertThat(f2.structure().missing()).containsExactly("task");
        assertThat(f2.numbers()).isEmpty();
    }

    @Test
    void markdownExportCarriesQuestionsHintsAnswersNotesAndAnalytics() {
        long q1 = debrief.answers().get(0).question().id();
        store.setAnswerNote(q1, "say the hit rate first");
        store.setAnswerRating(q1, 4);
        store.setSessionNote(id, "practice STAR");
        store.recordCoverage(id, 1, InterviewFixture.CACHE_KEY_POINTS.get(0), 12_000);
        store.recordAnswerEnd(id, 1, 66_000, 118.4, 3, "How do you keep the cache consistent?", 71_000);
        Debrief reviewed = new DebriefBuilder(AnswerFeedbackRater.shipped(), TemplateLibrary.of(List.of()))
                .build(store.load(id).orElseThrow());

        String md = new MarkdownExport(ZoneOffset.UTC).render(reviewed);

        assertThat(md).startsWith("# Session " + id + " — fixture interview");
        assertThat(md).contains("## Q1. " + InterviewFixture.Q1, "## Q2. " + InterviewFixture.Q2);
        assertThat(md).contains("**Hint shown** (template, 200 ms after the question): Caching a read-heavy service");
        assertThat(md).contains("- Thundering herd protection");
        assertThat(md).contains("> " + InterviewFixture.A1_PART1);
        assertThat(md).contains("(1:06, 94 wpm, 5 fillers — on target (1–2 min))");
        assertThat(md).contains("Key points covered: 3 of 4", "- [x] Hit rate and eviction policy",
                "- [ ] Thundering herd protection");
        assertThat(md).contains("Live coach: 1 key point(s) ticked while answering (" + InterviewFixture.CACHE_KEY_POINTS.get(0)
                + "); 1:06, 118 wpm, 3 fillers; be ready for: How do you keep the cache consistent?");
        assertThat(md).contains("Structure (STAR): missing task");
        assertThat(md).contains("**My review**: 4/5 say the hit rate first");
        assertThat(md).contains("> practice STAR");
        assertThat(md).contains("| words per minute | 106 |", "| filler words | 6 (um ×2",
                "| answers on target (1–2 min) | 1 of 2 |");
        assertThat(md).contains("## Transcript", "- `1:25` **me** " + InterviewFixture.A2);
    }
}
