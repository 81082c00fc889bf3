package dev.cuecard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuecard.hint.Hint;
import dev.cuecard.question.Classification;
import dev.cuecard.question.DetectedQuestion;
import java.util.List;

/** JSON shapes of classifications, questions and hints (the CLI contract). */
final class HintJson {
    private HintJson() {
    }

    static ObjectNode classification(Classification c) {
        ObjectNode n = EventJson.JSON.createObjectNode();
        n.put("text", c.text());
        n.put("isQuestion", c.isQuestion());
        n.put("category", c.category().id());
        n.put("template", c.templateId());
        n.put("confidence", round(c.confidence()));
        return n;
    }

    static ObjectNode hint(Hint h) {
        ObjectNode n = EventJson.JSON.createObjectNode();
        fillHint(n, h);
        return n;
    }

    static void fillHint(ObjectNode n, Hint h) {
        n.put("question", h.question());
        n.put("category", h.category().id());
        n.put("template", h.templateId());
        n.put("source", h.source().id());
        n.put("title", h.title());
        n.put("gist", h.gist());
        array(n, "keyPoints", h.keyPoints());
        array(n, "structure", h.structure());
        array(n, "numbers", h.numbers());
        array(n, "pitfalls", h.pitfalls());
        array(n, "followUps", h.followUps());
    }

    static ObjectNode questionEvent(DetectedQuestion q) {
        ObjectNode n = EventJson.JSON.createObjectNode();
        n.put("type", "question");
        n.put("atMs", q.atMs());
        n.put("channel", q.channel().id());
        n.put("id", q.id());
        n.put("text", q.text());
        n.put("category", q.classification().category().id());
        n.put("template", q.classification().templateId());
        n.put("confidence", round(q.classification().confidence()));
        if (q.startMs() >= 0) {
            n.put("speechStartMs", q.startMs());
        }
        n.put("speechEndMs", q.speechEndMs());
        n.put("early", q.early());
        n.put("refined", q.refined());
        n.put("reason", q.reason().id());
        return n;
    }

    private static void array(ObjectNode n, String field, List<String> items) {
        ArrayNode a = n.putArray(field);
        items.forEach(a::add);
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
