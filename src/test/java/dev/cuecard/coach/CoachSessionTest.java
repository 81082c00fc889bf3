package dev.cuecard.coach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.Channel;
import dev.cuecard.audio.WavFileSource;
import dev.cuecard.live.LiveSession;
import dev.cuecard.pipeline.ChannelInput;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.QuestionDetector;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.question.UtteranceClassifier;
import dev.cuecard.session.SessionDetail;
import dev.cuecard.session.SessionKind;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.StoredCoverage;
import dev.cuecard.session.debrief.AnswerFeedbackRater;
import dev.cuecard.session.debrief.AnswerReview;
import dev.cuecard.session.debrief.Debrief;
import dev.cuecard.session.debrief.DebriefBuilder;
import dev.cuecard.testing.SpeechFixtures;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coach in the session engine: a generated two-channel interview (scripts/make-coach-fixture.sh)
 * through the real model, the real embeddings and a real SQLite file.
 */
class CoachSessionTest {
    static final TemplateLibrary TEMPLATES = TemplateLibrary.shipped();

    @TempDir
    Path dir;

    static Path wav(String name) throws URISyntaxException {
        return Path.of(CoachSessionTest.class.getResource("/coach/" + name + ".wav").toURI());
    }

    @Test
    void ticksTheKeyPointsEachAnswerCoversStoresThemAndTheDebriefShowsThem() throws Exception {
        List<PipelineEvent> events = new CopyOnWriteArrayList<>();
        UtteranceClassifier classifier = new UtteranceClassifier(TEMPLATES, AsrVocabulary.shipped(), new QuestionDetector());
        try (SessionStore store = SessionStore.open(dir.resolve("cuecard.db"))) {
            LiveSession session = LiveSession.with(SpeechFixtures.model(), classifier)
                    .inputs(List.of(new ChannelInput(Channel.THEM, new WavFileSource(wav("them"), Double.POSITIVE_INFINITY)),
                            new ChannelInput(Channel.ME, new WavFileSource(wav("me"), Double.POSITIVE_INFINITY))))
                    .storeIn(Optional.of(store)).titled(SessionKind.REPLAY, "coach").listener(events::add).start();
            session.awaitEnd();
            session.close();

            List<PipelineEvent.Question> questions = events.stream().filter(PipelineEvent.Question.class::isInstance)
                    .map(PipelineEvent.Question.class::cast).toList();
            int rate = questionFor(questions, "rate-limiter");
            int conflict = questionFor(questions, "conflict-teammate");
            List<String> rateKeys = TEMPLATES.get("rate-limiter").orElseThrow().card().keyPoints();
            List<String> conflictKeys = TEMPLATES.get("conflict-teammate").orElseThrow().card().keyPoints();

            assertThat(ticks(events, rate)).contains(rateKeys.get(0), rateKeys.get(3))
                    .doesNotContain(rateKeys.get(1), rateKeys.get(2), rateKeys.get(5));
            assertThat(ticks(events, conflict)).contains(conflictKeys.get(2), conflictKeys.get(3))
                    .doesNotContain(conflictKeys.get(1));
            assertThat(events).filteredOn(PipelineEvent.Coverage.class::isInstance)
                    .allMatch(e -> e.channel() == Channel.ME);
            List<PipelineEvent.AnswerEnd> ends = events.stream().filter(PipelineEvent.AnswerEnd.class::isInstance)
                    .map(PipelineEvent.AnswerEnd.class::cast).toList();
            assertThat(ends).extracting(PipelineEvent.AnswerEnd::questionId).containsExactly(rate, conflict);
            assertThat(ends.get(0).durationMs()).isBetween(10_000L, 30_000L);
            assertThat(ends.get(0).wordsPerMinute()).isBetween(80.0, 260.0);
            assertThat(ends.get(0).likelyFollowUp()).isPresent();
            // "um"/"uh" are said three times in each answer; the filler spotter hears some the main recognizer drops
            assertThat(ends.stream().mapToInt(PipelineEvent.AnswerEnd::fillers).sum()).isBetween(1, 6);

            SessionDetail stored = store.load(session.sessionId()).orElseThrow();
            assertThat(stored.coverage()).extracting(StoredCoverage::point).containsAll(ticks(events, rate));
            assertThat(stored.answerEnds()).hasSize(2);
            Debrief debrief = new DebriefBuilder(AnswerFeedbackRater.semantic(), TEMPLATES).build(stored);
            AnswerReview first = debrief.answers().stream().filter(a -> a.question().seq() == rate).findFirst().orElseThrow();
            assertThat(first.live().points()).containsAll(ticks(events, rate));
            assertThat(first.live().end()).isPresent();
        }
    }

    private static int questionFor(List<PipelineEvent.Question> questions, String template) {
        return questions.stream().filter(q -> template.equals(q.question().classification().templateId()))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no " + template + " question in " + questions))
                .question().id();
    }

    private static List<String> ticks(List<PipelineEvent> events, int questionId) {
        return events.stream().filter(PipelineEvent.Coverage.class::isInstance).map(PipelineEvent.Coverage.class::cast)
                .filter(c -> c.questionId() == questionId).map(PipelineEvent.Coverage::point).toList();
    }
}
