package dev.cuecard.ui.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.debrief.AnswerFeedbackRater;
import dev.cuecard.session.debrief.Debrief;
import dev.cuecard.session.debrief.DebriefBuilder;
import dev.cuecard.testing.InterviewFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text of one answer in the debrief window, over a real stored session. */
class AnswerItemTest {
    @TempDir
    Path dir;

    /**
     * QA (polish 4): "✗ point  (ticked live)" — the live coach ticked it from part of the answer, the
     * debrief did not find it in the whole answer, and nothing said that the two disagree.
     */
    @Test
    void aPointTickedLiveButNotFoundInTheWholeAnswerSaysTheyDisagree() {
        String found = InterviewFixture.CACHE_KEY_POINTS.get(0);
        String notFound = "Thundering herd protection";
        Debrief d;
        try (SessionStore store = SessionStore.open(dir.resolve(SessionStore.FILE_NAME))) {
            long id = InterviewFixture.record(store);
            store.recordCoverage(id, 1, found, 12_000);
            store.recordCoverage(id, 1, notFound, 20_000);
            d = DebriefViewModel.load(store, id, new DebriefBuilder(new AnswerFeedbackRater(AsrVocabulary.empty()),
                    TemplateLibrary.of(List.of())));
        }
        List<String> lines = new AnswerItem(d.answers().get(0), true).feedbackText().lines().toList();
        assertThat(lines).contains("✓ " + found + "  (ticked live)",
                "✗ " + notFound + " — ticked live during the answer, not found reading the whole answer");
    }
}
