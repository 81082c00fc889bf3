package dev.cuecard.ui.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.Channel;
import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SearchHit;
import dev.cuecard.session.SessionInfo;
import dev.cuecard.session.SessionKind;
import dev.cuecard.session.SessionRecorder;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.debrief.AnswerFeedbackRater;
import dev.cuecard.session.debrief.DebriefBuilder;
import dev.cuecard.testing.InterviewFixture;
import dev.cuecard.ui.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session browser's search with a kind filter, over a real database with more hits than the
 * window shows (a heavy user's many replays and a few practice rounds). Properties only: no window.
 */
class SessionBrowserSearchTest {
    @TempDir
    Path dir;

    private static long sayingCache(SessionStore store, SessionKind kind, int times) {
        try (SessionRecorder r = SessionRecorder.start(store, new SessionInfo(kind, kind.id() + " session", "them.wav",
                null, "model-en-us", null))) {
            for (int i = 0; i < times; i++) {
                r.onEvent(InterviewFixture.transcript(Channel.THEM, i * 1000L, i * 1000L + 900,
                        "how would you size the cache " + i));
            }
            return r.sessionId();
        }
    }

    /**
     * QA (scale): the filter was applied to the 200 newest hits of every kind, so with a long replay
     * stored after a practice round, "Practice" + "cache" said "Nothing found" though the round had it.
     */
    @Test
    void aSearchInPracticeSessionsFindsThemBehindManyNewerReplayHits() {
        try (SessionStore store = SessionStore.open(dir.resolve("cuecard.db"))) {
            long practice = sayingCache(store, SessionKind.PRACTICE, 3);
            sayingCache(store, SessionKind.REPLAY, 210);
            DebriefBuilder builder = new DebriefBuilder(new AnswerFeedbackRater(AsrVocabulary.empty()),
                    TemplateLibrary.of(List.of()));
            SessionBrowserModel browser = SessionBrowserModel.loaded(store, builder, new CurrentThreadTaskExecutor(),
                    OptionalLong.empty());

            browser.kindProperty().set(SessionKind.PRACTICE);
            browser.queryProperty().set("cache");
            browser.search();

            assertThat(browser.hits()).extracting(SearchHit::sessionId).containsExactly(practice, practice, practice);
            assertThat(browser.statusProperty().get()).isEqualTo("3 hits in 1 session");

            browser.kindProperty().set(null);
            assertThat(browser.hits()).hasSize(200).noneMatch(h -> h.sessionId() == practice);
            // 213 hits in 2 sessions: the 200 shown are not all there is
            assertThat(browser.statusProperty().get())
                    .isEqualTo("The newest 200 hits in 1 session — there are more; add a word to narrow it down");
        }
    }
}
