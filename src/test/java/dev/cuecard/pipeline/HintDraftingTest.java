package dev.cuecard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.Channel;
import dev.cuecard.config.UserContext;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.HintSource;
import dev.cuecard.hint.llm.LlmConfig;
import dev.cuecard.hint.llm.LlmHintEngine;
import dev.cuecard.question.Category;
import dev.cuecard.question.Classification;
import dev.cuecard.question.DetectedQuestion;
import dev.cuecard.testing.FakeOpenAiServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One request at a time; a newer question cancels the older draft — over real HTTP. */
class HintDraftingTest {
    static final String REPLY = "{\"title\":\"T\",\"gist\":\"A gist with several words in it\","
            + "\"structure\":[\"one\",\"two\",\"three\"],\"keyPoints\":[],\"numbers\":[],\"pitfalls\":[],\"followUps\":[]}";

    private final ExecutorService http = Executors.newCachedThreadPool(new NamedThreadFactory("test-http"));
    private final BlockingQueue<PipelineEvent> events = new LinkedBlockingQueue<>();
    private final LatePublisher publisher = (channel, make) -> events.add(make.apply(0));
    private FakeOpenAiServer server;
    private HintDrafting drafting;

    @AfterEach
    void cleanUp() {
        if (drafting != null) {
            drafting.close();
        }
        if (server != null) {
            server.close();
        }
        http.shutdownNow();
    }

    private HintDrafting drafting() {
        return drafting(Executors.newSingleThreadExecutor(new NamedThreadFactory("llm")));
    }

    private HintDrafting drafting(ExecutorService llmThread) {
        LlmHintEngine engine = new LlmHintEngine(LlmConfig.of(server.baseUrl(), "m", null, Duration.ofSeconds(5), 0),
                UserContext.empty(), http);
        return new HintDrafting(engine, llmThread);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static DetectedQuestion question(int id, String text) {
        return new DetectedQuestion(id, Channel.THEM, new Classification(text, true, Category.CACHING, Optional.empty(),
                0.9, 1.0), 1000L * id, 1000L * id, false, false);
    }

    private static Optional<Hint> template(String text) {
        return Optional.of(new Hint(text, Category.CACHING, "caching-strategy", HintSource.TEMPLATE, "Caching", "gist",
                List.of("step"), List.of(), List.of(), List.of(), List.of()));
    }

    private PipelineEvent next(Class<?> type, int questionId) throws InterruptedException {
        while (true) {
            PipelineEvent e = events.poll(20, TimeUnit.SECONDS);
            assertThat(e).as("waiting for " + type.getSimpleName()).isNotNull();
            if (type.isInstance(e) && questionIdOf(e) == questionId) {
                return e;
            }
        }
    }

    private static int questionIdOf(PipelineEvent e) {
        if (e instanceof PipelineEvent.HintUpdate u) {
            return u.questionId();
        }
        if (e instanceof PipelineEvent.TextSent t) {
            return t.questionId();
        }
        if (e instanceof PipelineEvent.LlmStatus s) {
            return s.questionId();
        }
        return -1;
    }

    @Test
    void aNewerQuestionCancelsTheDraftInFlightAndGetsItsOwn() throws Exception {
        // question 1 streams slowly (a token every 300 ms); question 2 gets a fast reply
        server = new FakeOpenAiServer(FakeOpenAiServer.hintStream(REPLY, 4, Duration.ZERO, Duration.ofMillis(300)),
                FakeOpenAiServer.hintStream(REPLY, 4, Duration.ZERO, Duration.ZERO));
        drafting = drafting();
        drafting.onQuestion(question(1, "how would you cache a slow database"), template("q1"), publisher);
        assertThat(next(PipelineEvent.TextSent.class, 1)).isNotNull();
        PipelineEvent.HintUpdate partial = (PipelineEvent.HintUpdate) next(PipelineEvent.HintUpdate.class, 1);
        assertThat(partial.complete()).isFalse();

        drafting.onQuestion(question(2, "what eviction policy would you use"), template("q2"), publisher);
        drafting.awaitIdle();

        PipelineEvent.LlmStatus cancelled = (PipelineEvent.LlmStatus) next(PipelineEvent.LlmStatus.class, 1);
        assertThat(cancelled.state()).isEqualTo(PipelineEvent.LlmStatus.State.CANCELLED);
        PipelineEvent.HintUpdate done;
        do {
            done = (PipelineEvent.HintUpdate) next(PipelineEvent.HintUpdate.class, 2);
        } while (!done.complete());
        assertThat(done.hint().question()).isEqualTo("q2");
        assertThat(done.hint().structure()).containsExactly("one", "two", "three");
        // nothing more for question 1 after its cancellation
        assertThat(events).noneMatch(e -> questionIdOf(e) == 1);
        assertThat(server.received()).hasSize(2);
        assertThat(server.received().get(1).message("user")).contains("what eviction policy");
    }

    @Test
    void aQueuedDraftThatIsSupersededNeverReachesTheNetwork() throws Exception {
        server = new FakeOpenAiServer(FakeOpenAiServer.hintStream(REPLY, 4, Duration.ofMillis(200), Duration.ZERO));
        ExecutorService llmThread = Executors.newSingleThreadExecutor(new NamedThreadFactory("llm"));
        drafting = drafting(llmThread);
        drafting.onQuestion(question(1, "first question about caching"), template("q1"), publisher);
        server.awaitRequest(Duration.ofSeconds(10)); // question 1 is on the wire
        // hold the drafting thread after question 1 so question 2 is still queued when question 3 arrives
        // (without this, a slow machine lets question 2 start between the two calls and reach the network)
        CountDownLatch hold = new CountDownLatch(1);
        llmThread.execute(() -> awaitQuietly(hold));
        drafting.onQuestion(question(2, "second question about caching"), template("q2"), publisher);
        drafting.onQuestion(question(3, "third question about caching"), template("q3"), publisher);
        hold.countDown();
        drafting.awaitIdle();

        assertThat(server.received()).hasSize(2);
        assertThat(server.received().get(1).message("user")).contains("third question");
        List<PipelineEvent> all = List.copyOf(events);
        assertThat(all).filteredOn(e -> questionIdOf(e) == 2).singleElement()
                .isInstanceOfSatisfying(PipelineEvent.LlmStatus.class,
                        s -> assertThat(s.state()).isEqualTo(PipelineEvent.LlmStatus.State.CANCELLED));
        assertThat(all).anyMatch(e -> e instanceof PipelineEvent.HintUpdate u && u.questionId() == 3 && u.complete());
    }

    private static DetectedQuestion early(int id, String text, dev.cuecard.question.DecisionReason reason) {
        return new DetectedQuestion(id, Channel.THEM, new Classification(text, true, Category.CACHING, Optional.empty(),
                0.9, 1.0), 1000L * id, 1000L * id, true, false, reason, 0);
    }

    @Test
    void aCardDecidedWhileTheQuestionIsAskedIsDraftedWithTheWholeQuestion() throws Exception {
        server = new FakeOpenAiServer(FakeOpenAiServer.hintStream(REPLY, 4, Duration.ZERO, Duration.ZERO),
                FakeOpenAiServer.hintStream(REPLY, 4, Duration.ZERO, Duration.ZERO));
        drafting = drafting();
        drafting.onQuestion(early(1, "how would you cache the", dev.cuecard.question.DecisionReason.STABLE_PARTIALS),
                template("q1"), publisher);
        drafting.awaitIdle();
        assertThat(server.received()).as("nothing is sent for half a question").isEmpty();
        drafting.heardInFull(early(2, "something else entirely", dev.cuecard.question.DecisionReason.STABLE_PARTIALS),
                publisher); // another question's end starts nothing
        drafting.heardInFull(early(1, "how would you cache the product pages of a shop",
                dev.cuecard.question.DecisionReason.STABLE_PARTIALS), publisher);
        drafting.awaitIdle();
        assertThat(server.received()).hasSize(1);
        assertThat(server.received().get(0).message("user")).contains("how would you cache the product pages of a shop");
        assertThat(List.copyOf(events)).filteredOn(e -> e instanceof PipelineEvent.HintUpdate u && u.questionId() == 1)
                .as("the LLM's card carries the question it answers").isNotEmpty()
                .allSatisfy(e -> assertThat(((PipelineEvent.HintUpdate) e).hint().question())
                        .isEqualTo("how would you cache the product pages of a shop"));

        // the interviewer paused: the question is as whole as it gets, so the draft starts at once
        drafting.onQuestion(early(3, "what would you cache", dev.cuecard.question.DecisionReason.PAUSE),
                template("q3"), publisher);
        drafting.awaitIdle();
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void aNewerQuestionDropsADraftStillWaitingForItsQuestion() throws Exception {
        server = new FakeOpenAiServer(FakeOpenAiServer.hintStream(REPLY, 4, Duration.ZERO, Duration.ZERO));
        drafting = drafting();
        drafting.onQuestion(early(1, "how would you cache the", dev.cuecard.question.DecisionReason.SURE_PARTIAL),
                template("q1"), publisher);
        drafting.onQuestion(question(2, "what eviction policy would you use"), template("q2"), publisher);
        drafting.heardInFull(early(1, "how would you cache the pages", dev.cuecard.question.DecisionReason.SURE_PARTIAL),
                publisher);
        drafting.awaitIdle();
        assertThat(server.received()).hasSize(1);
        assertThat(server.received().get(0).message("user")).contains("what eviction policy");
    }

    @Test
    void aFailureIsAStatusEventAndTheDraftingThreadGoesOn() throws Exception {
        server = new FakeOpenAiServer(new FakeOpenAiServer.Error(401, "bad key"),
                FakeOpenAiServer.hintStream(REPLY, 50, Duration.ZERO, Duration.ZERO));
        drafting = drafting();
        drafting.onQuestion(question(1, "how would you cache"), template("q1"), publisher);
        PipelineEvent.LlmStatus failed = (PipelineEvent.LlmStatus) next(PipelineEvent.LlmStatus.class, 1);
        assertThat(failed.state()).isEqualTo(PipelineEvent.LlmStatus.State.FAILED);
        assertThat(failed.message()).isEqualTo("API key rejected (HTTP 401)");
        drafting.onQuestion(question(2, "and the eviction policy"), template("q2"), publisher);
        drafting.awaitIdle();
        assertThat(events).anyMatch(e -> e instanceof PipelineEvent.HintUpdate u && u.questionId() == 2 && u.complete());
    }
}
