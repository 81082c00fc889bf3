package dev.cuecard.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.hint.llm.JsonChat;
import dev.cuecard.hint.llm.LlmConfig;
import dev.cuecard.pipeline.NamedThreadFactory;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.testing.FakeOpenAiServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The LLM review over real HTTP (a local OpenAI-compatible server): beside the rubric, never instead. */
class LlmAnswerReviewerTest {
    private static final String REVIEW = "{\"summary\":\"Correct but thin.\",\"strengths\":[\"Names the lock order\"],"
            + "\"improvements\":[\"Add a timeout\",\"Give a number\"],\"followUp\":\"What if the two accounts live in "
            + "different databases?\"}";

    private static PracticeRound round(FakeOpenAiServer server) {
        LlmConfig config = LlmConfig.of(server.baseUrl(), "fake-model", "sk-test", Duration.ofSeconds(5), 1);
        AnswerReviewer reviewer = new LlmAnswerReviewer(new JsonChat(config,
                Executors.newCachedThreadPool(new NamedThreadFactory("test-llm"))), Seniority.SENIOR);
        PracticeQuestion q = PracticeQuestion.of(1, TemplateLibrary.shipped().get("deadlock").orElseThrow());
        return new PracticeRound(RoundSetup.screening(Seniority.SENIOR), List.of(q), AnswerScorer.shipped(),
                Optional.of(reviewer), Optional.empty());
    }

    private static final String ANSWER = "I would lock both accounts in id order because that breaks circular wait.";

    @Test
    void theReviewAndItsFollowUpComeFromTheModelAndTheRubricStays() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer(FakeOpenAiServer.hintStream(REVIEW, 17, Duration.ZERO,
                Duration.ZERO))) {
            QuestionResult r = round(server).answer(Answer.typed(ANSWER));
            assertThat(r.review()).hasValueSatisfying(rv -> {
                assertThat(rv.summary()).isEqualTo("Correct but thin.");
                assertThat(rv.improvements()).containsExactly("Add a timeout", "Give a number");
            });
            assertThat(r.followUp()).contains("What if the two accounts live in different databases?");
            assertThat(r.followUpFromLlm()).isTrue();
            assertThat(r.score().total()).isEqualTo(AnswerScorer.shipped()
                    .score(TemplateLibrary.shipped().get("deadlock").orElseThrow(), Answer.typed(ANSWER)).total());
            FakeOpenAiServer.Received req = server.received().get(0);
            assertThat(req.json().get("response_format").get("json_schema").get("name").asText()).isEqualTo("answer_review");
            assertThat(req.message("user")).contains("\"I would lock both accounts in id order");
            assertThat(req.message("system")).contains("push back");
        }
    }

    @Test
    void aWholeJsonReplyToTheStreamedRequestIsReadAsTheReview() throws Exception {
        // a proxy that ignores "stream": true and answers with one application/json chat completion
        try (FakeOpenAiServer server = new FakeOpenAiServer(new FakeOpenAiServer.Whole(REVIEW, 100, 40))) {
            QuestionResult r = round(server).answer(Answer.typed(ANSWER));
            assertThat(r.llmStatus()).isEmpty();
            assertThat(r.review()).hasValueSatisfying(rv -> {
                assertThat(rv.summary()).isEqualTo("Correct but thin.");
                assertThat(rv.improvements()).containsExactly("Add a timeout", "Give a number");
            });
            assertThat(r.followUp()).contains("What if the two accounts live in different databases?");
            assertThat(r.followUpFromLlm()).isTrue();
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void aRejectedKeyLeavesTheRubricAndTheTemplateFollowUpWithAStatus() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer(new FakeOpenAiServer.Error(401, "bad key sk-test"))) {
            QuestionResult r = round(server).answer(Answer.typed(ANSWER));
            assertThat(r.review()).isEmpty();
            assertThat(r.llmStatus()).contains("API key rejected (HTTP 401)");
            assertThat(r.followUpFromLlm()).isFalse();
            assertThat(TemplateLibrary.shipped().get("deadlock").orElseThrow().card().followUps())
                    .contains(r.followUp().orElseThrow());
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void serverErrorsAreRetriedThenReported() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer(new FakeOpenAiServer.Error(503, "busy"))) {
            QuestionResult r = round(server).answer(Answer.typed(ANSWER));
            assertThat(r.llmStatus()).contains("LLM server error (HTTP 503)");
            assertThat(server.received()).hasSize(2); // one retry configured
        }
    }

    @Test
    void anUnreadableReplyIsAStatusNotACrash() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer(FakeOpenAiServer.hintStream("Sure! Here is my review: good",
                8, Duration.ZERO, Duration.ZERO))) {
            QuestionResult r = round(server).answer(Answer.typed(ANSWER));
            assertThat(r.llmStatus()).contains("LLM reply unreadable");
            assertThat(r.review()).isEmpty();
        }
    }

    @Test
    void fencedJsonIsAccepted() {
        assertThat(LlmAnswerReviewer.parse("```json\n" + REVIEW + "\n```").strengths()).containsExactly("Names the lock order");
    }
}
