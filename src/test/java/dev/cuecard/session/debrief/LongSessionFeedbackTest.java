package dev.cuecard.session.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.config.AppPaths;
import dev.cuecard.coverage.SemanticCoverage;
import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.SemanticMatcher;
import dev.cuecard.question.SentenceEmbedder;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionDetail;
import dev.cuecard.session.SessionStore;
import dev.cuecard.testing.CountingEmbedder;
import dev.cuecard.testing.LongInterviewFixture;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long stored interview graded by meaning with the shipped sentence model: the debrief's feedback,
 * rated side by side and kept for the next time, is exactly that of rating each answer alone as
 * before, and a second debrief of the session (another process: a new coverage over the same
 * folder) reads the same Markdown without embedding a window.
 */
class LongSessionFeedbackTest {
    /** Enough answers of every length to cover the paths; the full 204 is the benchmark's (BENCHMARKS.md). */
    private static final int QUESTIONS = 36;

    @TempDir
    Path dir;

    @Test
    void feedbackIsThatOfEachAnswerRatedAloneAndTheSecondDebriefEmbedsNothing() throws Exception {
        SentenceEmbedder model = SemanticMatcher.sharedEmbedder(AppPaths.fromEnvironment().cacheDir());
        TemplateLibrary templates = TemplateLibrary.shipped();
        SessionDetail detail;
        try (SessionStore store = SessionStore.open(dir.resolve("cuecard.db"))) {
            detail = store.load(LongInterviewFixture.record(store, templates, QUESTIONS)).orElseThrow();
        }
        Path kept = dir.resolve("kept");
        CountingEmbedder first = new CountingEmbedder(model);
        Debrief debrief = new DebriefBuilder(new AnswerFeedbackRater(coverage(first, kept)), templates).build(detail);

        // as before: each answer rated on its own, nothing kept
        AnswerFeedbackRater alone = new AnswerFeedbackRater(coverage(model, null));
        assertThat(debrief.answers()).hasSize(QUESTIONS);
        for (AnswerReview r : debrief.answers()) {
            List<String> points = r.feedback().keyPoints().stream().map(KeyPointCoverage::keyPoint).toList();
            assertThat(r.feedback()).as("Q%d", r.number())
                    .isEqualTo(alone.rate(r.answerText(), r.question().category(), points));
        }
        long covered = debrief.answers().stream().mapToLong(a -> a.feedback().keyPointsCovered()).sum();
        long all = debrief.answers().stream().mapToLong(a -> a.feedback().keyPoints().size()).sum();
        assertThat(covered).isPositive().isLessThan(all);

        CountingEmbedder second = new CountingEmbedder(model);
        Debrief again = new DebriefBuilder(new AnswerFeedbackRater(coverage(second, kept)), templates).build(detail);
        MarkdownExport md = new MarkdownExport(ZoneOffset.UTC);
        assertThat(md.render(again)).isEqualTo(md.render(debrief));
        assertThat(again.answers().stream().map(AnswerReview::feedback).toList())
                .isEqualTo(debrief.answers().stream().map(AnswerReview::feedback).toList());
        assertThat(first.calls()).isGreaterThan(QUESTIONS * 10);
        assertThat(second.calls()).as("windows embedded for the second debrief").isZero();
    }

    private static SemanticCoverage coverage(SentenceEmbedder e, Path kept) {
        return new SemanticCoverage(e, AsrVocabulary.shipped(), SemanticCoverage.Params.DEFAULT, kept);
    }
}
