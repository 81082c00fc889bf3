package dev.cuecard.hint.llm;

import static dev.cuecard.hint.llm.PromptText.json;
import static dev.cuecard.hint.llm.PromptText.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuecard.audio.Channel;
import dev.cuecard.config.UserContext;
import dev.cuecard.hint.ConversationLine;
import dev.cuecard.hint.DraftRequest;
import dev.cuecard.hint.Hint;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.input.PromptTemplate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the chat messages from the prompt templates in {@code dev/cuecard/prompts/}. The system
 * message is the fixed resource text and nothing else; everything heard or typed goes into the user
 * message as JSON values, so quotes and newlines in the transcript stay inside their string and
 * cannot pose as a new instruction or section.
 */
final class HintPrompt {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SYSTEM_RESOURCE = "/dev/cuecard/prompts/hint-system.txt";
    static final String USER_RESOURCE = "/dev/cuecard/prompts/hint-user.txt";
    /** Stories budget in characters: the most relevant stories first until it is spent. */
    static final int STORY_CHARS = 6000;

    private final String system;
    private final PromptTemplate user;
    private final UserContext context;
    private final int transcriptChars;

    HintPrompt(UserContext context, int transcriptChars) {
        this.system = resource(SYSTEM_RESOURCE);
        this.user = PromptTemplate.from(resource(USER_RESOURCE));
        this.context = context;
        this.transcriptChars = transcriptChars;
    }

    static String systemText() {
        return resource(SYSTEM_RESOURCE);
    }

    List<ChatMessage> messages(DraftRequest r) {
        Map<String, Object> vars = new LinkedHashMap<>();
        // a heard question ends the utterance: keep its end when an utterance ran on
        vars.put("question", json(PromptText.tail(r.question().text(), PromptText.QUESTION_CHARS)));
        vars.put("category", json(r.question().category().id()));
        vars.put("template", json(templateNode(r.templateHint())));
        vars.put("transcript", json(transcriptNode(r.recent())));
        vars.put("context", json(contextNode(PromptText.tail(r.question().text(), PromptText.QUESTION_CHARS))));
        return List.of(SystemMessage.from(system), UserMessage.from(user.apply(vars).text()));
    }

    private static ObjectNode templateNode(Hint h) {
        ObjectNode n = JSON.createObjectNode();
        n.put("title", h.title());
        n.put("gist", h.gist());
        n.set("structure", JSON.valueToTree(h.structure()));
        n.set("keyPoints", JSON.valueToTree(h.keyPoints()));
        n.set("numbers", JSON.valueToTree(h.numbers()));
        n.set("pitfalls", JSON.valueToTree(h.pitfalls()));
        return n;
    }

    /** The newest lines that fit the budget, oldest first. */
    private ArrayNode transcriptNode(List<ConversationLine> lines) {
        List<ConversationLine> kept = new ArrayList<>();
        int used = 0;
        for (int i = lines.size() - 1; i >= 0; i--) {
            String text = lines.get(i).text();
            if (used + text.length() > transcriptChars) {
                break;
            }
            used += text.length();
            kept.add(0, lines.get(i));
        }
        ArrayNode a = JSON.createArrayNode();
        for (ConversationLine l : kept) {
            ObjectNode n = a.addObject();
            n.put("speaker", l.speaker() == Channel.THEM ? "interviewer" : "candidate");
            n.put("text", l.text());
        }
        return a;
    }

    private ObjectNode contextNode(String question) {
        ObjectNode n = JSON.createObjectNode();
        context.resume().ifPresent(t -> n.put("resume", t));
        context.jobDescription().ifPresent(t -> n.put("jobDescription", t));
        ArrayNode stories = n.putArray("stories");
        int used = 0;
        for (UserContext.Story s : byRelevance(context.stories(), question)) {
            if (used + s.text().length() > STORY_CHARS) {
                continue;
            }
            used += s.text().length();
            ObjectNode sn = stories.addObject();
            sn.put("title", s.title());
            sn.put("text", s.text());
        }
        return n;
    }

    /** Stories sharing more words with the question first, so the budget keeps the useful ones. */
    private static List<UserContext.Story> byRelevance(List<UserContext.Story> stories, String question) {
        Set<String> q = words(question);
        return stories.stream().sorted(Comparator.comparingLong((UserContext.Story s) -> -overlap(q, s))).toList();
    }

    private static long overlap(Set<String> q, UserContext.Story s) {
        return words(s.title() + " " + s.text()).stream().filter(q::contains).count();
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 3) {
                out.add(w);
            }
        }
        return out;
    }
}
