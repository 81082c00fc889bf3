package dev.cuecard.practice;

import static dev.cuecard.hint.llm.PromptText.json;
import static dev.cuecard.hint.llm.PromptText.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuecard.hint.llm.JsonChat;
import dev.cuecard.hint.llm.PromptText;
import dev.cuecard.question.TemplateCard;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.input.PromptTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LLM review of an answer and its follow-up question, as structured output. Prompts are the
 * {@code prompts/practice-review-*} resources; the answer and template go in as JSON values.
 */
public final class LlmAnswerReviewer implements AnswerReviewer {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SYSTEM = "/dev/cuecard/prompts/practice-review-system.txt";
    static final String USER = "/dev/cuecard/prompts/practice-review-user.txt";
    private static final int MAX_ITEMS = 3;

    private final JsonChat chat;
    private final Seniority seniority;
    private final String system = resource(SYSTEM);
    private final PromptTemplate user = PromptTemplate.from(resource(USER));

    public LlmAnswerReviewer(JsonChat chat, Seniority seniority) {
        this.chat = chat;
        this.seniority = seniority;
    }

    /** Where answers are sent, for the "text leaves this machine" notice. */
    public String destination() {
        return chat.config().destination();
    }

    @Override
    public ReviewOutcome review(PracticeQuestion question, Answer answer, AnswerScore score) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("question", json(PromptText.head(question.text(), PromptText.QUESTION_CHARS)));
        vars.put("level", json(question.category().id() + ", " + seniority.id() + " candidate"));
        vars.put("template", json(templateNode(question.template().card())));
        vars.put("answer", json(PromptText.head(answer.text(), PromptText.ANSWER_CHARS)));
        vars.put("rubric", json(ScoreJson.tree(score)));
        JsonChat.Outcome<LlmReview> outcome = chat.ask(
                List.of(SystemMessage.from(system), UserMessage.from(user.apply(vars).text())), schema(),
                LlmAnswerReviewer::parse);
        if (outcome instanceof JsonChat.Outcome.Answered<LlmReview> a) {
            return new ReviewOutcome.Reviewed(a.value());
        }
        return new ReviewOutcome.Failed(((JsonChat.Outcome.Failed<LlmReview>) outcome).status());
    }

    /** Tolerates code fences and text around the object; needs a summary. */
    static LlmReview parse(String reply) {
        int from = reply.indexOf('{');
        int to = reply.lastIndexOf('}');
        if (from < 0 || to < from) {
            throw new JsonChat.UnusableReply("no JSON object");
        }
        JsonNode n;
        try {
            n = JSON.readTree(reply.substring(from, to + 1));
        } catch (JsonProcessingException e) {
            throw new JsonChat.UnusableReply("not JSON");
        }
        String summary = n.path("summary").asText("").strip();
        if (summary.isEmpty()) {
            throw new JsonChat.UnusableReply("no summary");
        }
        return new LlmReview(summary, items(n.path("strengths")), items(n.path("improvements")),
                n.path("followUp").asText("").strip());
    }

    private static List<String> items(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode i : array) {
            if (i.isTextual() && !i.asText().isBlank() && out.size() < MAX_ITEMS) {
                out.add(i.asText().strip());
            }
        }
        return out;
    }

    static ResponseFormat schema() {
        JsonArraySchema strings = JsonArraySchema.builder().items(new JsonStringSchema()).build();
        JsonObjectSchema root = JsonObjectSchema.builder()
                .addStringProperty("summary", "how the answer would land, in one or two sentences")
                .addProperty("strengths", strings)
                .addProperty("improvements", strings)
                .addStringProperty("followUp", "one follow-up question probing the answer's biggest gap")
                .required(List.of("summary", "strengths", "improvements", "followUp"))
                .additionalProperties(false).build();
        return ResponseFormat.builder().type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder().name("answer_review").rootElement(root).build()).build();
    }

    private static ObjectNode templateNode(TemplateCard c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("gist", c.gist());
        n.set("structure", JSON.valueToTree(c.structure()));
        n.set("keyPoints", JSON.valueToTree(c.keyPoints()));
        n.set("numbers", JSON.valueToTree(c.numbers()));
        n.set("followUps", JSON.valueToTree(c.followUps()));
        return n;
    }
}
