package dev.cuecard.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.Channel;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.question.DetectedQuestion;
import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionInfo;
import dev.cuecard.session.SessionKind;
import dev.cuecard.session.SessionRecorder;
import dev.cuecard.session.SessionStore;
import dev.cuecard.testing.InterviewFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history a plan reads: stored practice scores, and live answers scored again on load — within a budget. */
class PracticeHistoryTest {
    @TempDir
    Path dir;

    @Test
    void longInterviewsAreScoredNewestAnswersFirstUpToABudget() {
        Template cache = InterviewFixture.cacheTemplate();
        try (SessionStore store = SessionStore.open(dir.resolve("cuecard.db"))) {
            int sessions = 20;
            int perSession = 8; // 160 answers: more than the budget, in fewer sessions than the session limit
            for (int s = 0; s < sessions; s++) {
                try (SessionRecorder r = SessionRecorder.start(store, new SessionInfo(SessionKind.REPLAY, "long " + s,
                        "them.wav", "me.wav", "m", null))) {
                    interview(cache, perSession).forEach(r::onEvent);
                }
            }
            PracticeHistory h = PracticeHistory.load(store, TemplateLibrary.of(List.of(cache)), AnswerScorer.lexical());
            assertThat(sessions).isLessThanOrEqualTo(PracticeHistory.LIVE_SESSIONS);
            assertThat(h.entries()).hasSize(PracticeHistory.LIVE_ANSWERS)
                    .allSatisfy(e -> assertThat(e.templateId()).isEqualTo(cache.id()));
        }
    }

    /** Questions on one template, each answered for 40 s. */
    private static List<PipelineEvent> interview(Template t, int questions) {
        List<PipelineEvent> e = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            long at = i * 60_000L;
            String q = "how would you design a cache for a product catalog number " + i;
            e.add(InterviewFixture.transcript(Channel.THEM, at, at + 3_000, q));
            e.add(new PipelineEvent.Question(new DetectedQuestion(i + 1, Channel.THEM, InterviewFixture.classification(q, t),
                    at + 3_500, at + 3_000, false, false).startingAt(at)));
            e.add(new PipelineEvent.HintReady(i + 1, InterviewFixture.hint(q, t), Channel.THEM, at + 3_500));
            e.add(InterviewFixture.transcript(Channel.ME, at + 5_000, at + 45_000, InterviewFixture.A1_PART1));
        }
        return e;
    }
}
