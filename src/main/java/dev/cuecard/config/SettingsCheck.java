package dev.cuecard.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuecard.text.EditDistance;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a readable settings file says that Cuecard will not use: keys it does not know (a typo such
 * as {@code baseURL} turned the LLM off without a word), negative numbers, the look's numbers out of
 * their range and a detail level it does not have (each used as the nearest it allows). The settings records
 * ignore unknown keys, so a file written by a newer version still loads; this only tells the user.
 */
final class SettingsCheck {
    /** Numbers with bounds of their own, by path: out of them the nearest bound is used ({@link UiSettings}). */
    private static final Map<String, double[]> RANGES = Map.of(
            "ui.fontScale", new double[] {UiSettings.MIN_FONT_SCALE, UiSettings.MAX_FONT_SCALE},
            "ui.overlayOpacity", new double[] {UiSettings.MIN_OPACITY, 1.0});

    private SettingsCheck() {
    }

    /** One line per thing ignored, e.g. "unknown setting 'llm.baseURL' (did you mean 'llm.baseUrl'?)". */
    static List<String> ignored(JsonNode root) {
        List<String> found = new ArrayList<>();
        if (root != null && root.isObject()) {
            walk(root, Settings.class, "", found);
        }
        return found;
    }

    private static void walk(JsonNode node, Class<?> type, String prefix, List<String> found) {
        RecordComponent[] components = type.getRecordComponents();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix + field.getKey();
            RecordComponent c = component(components, field.getKey());
            if (c == null) {
                RecordComponent near = nearest(components, field.getKey());
                found.add("unknown setting '" + path + "'" + (near == null ? "" : " (did you mean '" + prefix
                        + near.getName() + "'?)"));
            } else if (c.getType().isRecord() && field.getValue().isObject()) {
                walk(field.getValue(), c.getType(), path + ".", found);
            } else if (RANGES.containsKey(path) && field.getValue().isNumber()) {
                double[] range = RANGES.get(path);
                double v = field.getValue().asDouble();
                if (v < range[0] || v > range[1]) {
                    found.add("'" + path + "' must be between " + number(range[0]) + " and " + number(range[1])
                            + " (got " + field.getValue().asText() + "; " + number(v < range[0] ? range[0] : range[1])
                            + " is used)");
                }
            } else if (path.equals("ui.detailLevel") && field.getValue().isTextual()
                    && !UiSettings.DETAIL_LEVELS.contains(field.getValue().asText())) {
                found.add("'" + path + "' must be " + String.join(", ", UiSettings.DETAIL_LEVELS.subList(0,
                        UiSettings.DETAIL_LEVELS.size() - 1)) + " or " + UiSettings.DETAIL_LEVELS.get(
                        UiSettings.DETAIL_LEVELS.size() - 1) + " (got '" + field.getValue().asText()
                        + "'; " + UiSettings.DEFAULT_DETAIL_LEVEL + " is used)");
            } else if (Number.class.isAssignableFrom(c.getType()) && field.getValue().isNumber()
                    && field.getValue().asDouble() < 0) {
                found.add("'" + path + "' must not be negative (got " + field.getValue().asText() + ")");
            }
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static RecordComponent component(RecordComponent[] components, String name) {
        for (RecordComponent c : components) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The known key a typo most likely meant: same letters ignoring case, '-' and '_', or one or two edits away. */
    private static RecordComponent nearest(RecordComponent[] components, String name) {
        String plain = plain(name);
        RecordComponent best = null;
        int bestDistance = 3;
        for (RecordComponent c : components) {
            int d = EditDistance.between(plain, plain(c.getName()));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    private static String plain(String key) {
        return key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }
}
