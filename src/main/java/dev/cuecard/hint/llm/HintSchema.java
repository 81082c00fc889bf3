package dev.cuecard.hint.llm;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;

/** The JSON schema of a drafted hint, sent as {@code response_format} where the endpoint takes it. */
final class HintSchema {
    static final String NAME = "cue_card";

    private HintSchema() {
    }

    static ResponseFormat responseFormat() {
        JsonObjectSchema.Builder root = JsonObjectSchema.builder()
                .addStringProperty("title", "a short title for the card")
                .addStringProperty("gist", "the core of a strong answer in one sentence");
        for (String list : HintJsonReader.LIST_FIELDS) {
            root.addProperty(list, JsonArraySchema.builder().items(new JsonStringSchema()).build());
        }
        // strict mode (OpenAI) wants every field required and nothing else allowed; order is the prompt's
        java.util.List<String> required = new java.util.ArrayList<>(java.util.List.of("title", "gist"));
        required.addAll(HintJsonReader.LIST_FIELDS);
        root.required(required).additionalProperties(false);
        return ResponseFormat.builder().type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder().name(NAME).rootElement(root.build()).build()).build();
    }
}
