package dev.cuecard.hint.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.HintSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the model's JSON into a {@link Hint}, with Jackson and tolerance for what models do: prose or
 * a code fence around the object, trailing commas, a single string where a list belongs. While
 * streaming it reads a prefix by closing what is still open (the string being written, open lists,
 * the object), so the card fills in word by word.
 */
final class HintJsonReader {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();
    static final List<String> LIST_FIELDS = List.of("structure", "keyPoints", "numbers", "pitfalls", "followUps");

    /** The reply is not a hint: no object, no gist, or fields of the wrong kind. */
    static final class HintFormatException extends Exception {
        private static final long serialVersionUID = 1L;

        HintFormatException(String message) {
            super(message);
        }
    }

    private final Hint template;

    /** @param template question, category, template id and fallback title come from it */
    HintJsonReader(Hint template) {
        this.template = template;
    }

    /** The complete reply as a hint; strict about the fields, tolerant about the wrapping. */
    Hint complete(String reply) throws HintFormatException {
        int start = reply.indexOf('{');
        int end = reply.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new HintFormatException("no JSON object in the reply");
        }
        JsonNode root;
        try {
            root = JSON.readTree(reply.substring(start, end + 1));
        } catch (JsonProcessingException e) {
            throw new HintFormatException("reply is not valid JSON");
        }
        if (!root.isObject()) {
            throw new HintFormatException("reply is not a JSON object");
        }
        JsonNode gist = root.get("gist");
        if (gist == null || !gist.isTextual() || clean(gist.asText()).isEmpty()) {
            throw new HintFormatException("reply has no gist");
        }
        JsonNode title = root.get("title");
        if (title != null && !title.isTextual() && !title.isNull()) {
            throw new HintFormatException("title is not text");
        }
        List<List<String>> lists = new ArrayList<>();
        for (String field : LIST_FIELDS) {
            lists.add(strictList(root.get(field), field));
        }
        if (lists.get(0).isEmpty() && lists.get(1).isEmpty()) {
            throw new HintFormatException("reply has neither structure nor key points");
        }
        return hint(text(title), clean(gist.asText()), lists);
    }

    /** What a streamed prefix holds so far, or empty when nothing is readable yet. */
    Optional<Hint> partial(String prefix) {
        int start = prefix.indexOf('{');
        if (start < 0) {
            return Optional.empty();
        }
        return readPrefix(prefix.substring(start)).flatMap(root -> {
            List<List<String>> lists = new ArrayList<>();
            for (String field : LIST_FIELDS) {
                lists.add(lenientList(root.get(field)));
            }
            JsonNode gist = root.get("gist");
            String gistText = gist != null && gist.isTextual() ? clean(gist.asText()) : "";
            if (gistText.isEmpty() && lists.stream().allMatch(List::isEmpty)) {
                return Optional.empty(); // "{" or a title alone: nothing worth replacing the template card with
            }
            return Optional.of(hint(text(root.get("title")), gistText, lists));
        });
    }

    /**
     * A model's text as one clean line: control characters (escape sequences, bells, line breaks a
     * reply might smuggle into a terminal or a card) become spaces.
     */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return b.toString().strip();
    }

    private Hint hint(String title, String gist, List<List<String>> lists) {
        return new Hint(template.question(), template.category(), template.templateId(), HintSource.LLM,
                title == null || clean(title).isEmpty() ? template.title() : clean(title), gist,
                lists.get(0), lists.get(1), lists.get(2), lists.get(3), lists.get(4));
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private static List<String> strictList(JsonNode n, String field) throws HintFormatException {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (n.isTextual()) {
            return clean(n.asText()).isEmpty() ? List.of() : List.of(clean(n.asText()));
        }
        if (!n.isArray()) {
            throw new HintFormatException(field + " is not a list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : n) {
            if (!item.isValueNode() || item.isNull()) {
                throw new HintFormatException(field + " holds something other than text");
            }
            if (!clean(item.asText()).isEmpty()) {
                out.add(clean(item.asText()));
            }
        }
        return out;
    }

    private static List<String> lenientList(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(item -> {
                if (item.isValueNode() && !item.isNull() && !clean(item.asText()).isEmpty()) {
                    out.add(clean(item.asText()));
                }
            });
        }
        return out;
    }

    /** Parses a JSON prefix: close it as it stands, else cut back to the last complete member. */
    static Optional<JsonNode> readPrefix(String s) {
        Optional<JsonNode> closed = parse(close(s));
        if (closed.isPresent()) {
            return closed;
        }
        int cut = lastBoundary(s);
        return cut < 0 ? Optional.empty() : parse(close(s.substring(0, cut + 1)));
    }

    private static Optional<JsonNode> parse(String s) {
        try {
            JsonNode n = JSON.readTree(s);
            return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Appends what closes an unfinished string, list or object. */
    static String close(String s) {
        StringBuilder open = new StringBuilder();
        boolean inString = false;
        int escapeAt = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    escapeAt = i;
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                open.append(c);
            } else if ((c == '}' || c == ']') && open.length() > 0) {
                open.setLength(open.length() - 1);
                if (open.length() == 0) {
                    s = s.substring(0, i + 1); // the object is complete; ignore what follows
                    break;
                }
            }
        }
        StringBuilder out = new StringBuilder(s);
        if (inString) {
            int u = out.lastIndexOf("\\u");
            if (escapeAt >= s.length() - 1) {
                out.setLength(escapeAt); // a lone trailing backslash
            } else if (u >= 0 && u >= out.length() - 5 && u == escapeAt) {
                out.setLength(u); // an unfinished \\uXXXX
            }
            out.append('"');
        }
        for (int i = open.length() - 1; i >= 0; i--) {
            out.append(open.charAt(i) == '{' ? '}' : ']');
        }
        return out.toString();
    }

    /** Index of the last ',' '{' or '[' outside strings: the prefix up to it is whole members. */
    private static int lastBoundary(String s) {
        int last = -1;
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ',' || c == '{' || c == '[') {
                last = i;
            }
        }
        if (last >= 0 && s.charAt(last) == ',') {
            return last - 1 >= 0 ? last - 1 : -1;
        }
        return last;
    }
}
