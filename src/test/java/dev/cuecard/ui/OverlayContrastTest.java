package dev.cuecard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * WCAG contrast of the overlay's text, read from the stylesheets themselves: at least 4.5:1 for
 * every text colour on what it sits on — the card's glass over a black or a white screen, a chip
 * over the glass, or a pill's own colour.
 */
class OverlayContrastTest {
    static final double AA = 4.5;

    @Test
    void everyOverlayTextColourReadsOnTheGlassOverAnyBackdrop() throws IOException {
        Map<String, Map<String, String>> css = rules("/dev/cuecard/ui/overlay.css");
        double[] glass = rgba(css.get(".overlay").get("-fx-background-color"));
        for (double[] backdrop : new double[][] {{0, 0, 0, 1}, {255, 255, 255, 1}}) {
            double[] bg = over(glass, backdrop);
            for (String text : new String[] {".overlay .label", ".overlay .heard", ".overlay .title", ".overlay .gist",
                    ".overlay .section-name", ".overlay .item", ".overlay .small", ".overlay .status",
                    ".overlay .coach-ticked", ".overlay .coach-open", ".overlay .coach-next", ".overlay .coach-timer",
                    ".overlay .coach-small", ".overlay .coach-wrap", ".overlay .coach-follow"}) {
                double[] fg = rgba(css.get(text).get("-fx-text-fill"));
                assertThat(contrast(fg, bg)).as(text + " on the glass over " + (backdrop[0] == 0 ? "black" : "white"))
                        .isGreaterThanOrEqualTo(AA);
            }
            double[] label = rgba(css.get(".overlay .label").get("-fx-text-fill"));
            for (String chip : new String[] {".overlay .chip", ".overlay .badge-template", ".overlay .badge-llm"}) {
                double[] chipBg = over(rgba(css.get(chip).get("-fx-background-color")), bg);
                assertThat(contrast(label, chipBg)).as(chip).isGreaterThanOrEqualTo(AA);
            }
        }
    }

    @Test
    void everyPillReadsOnItsOwnColourAndTheThreeStatesDiffer() throws IOException {
        for (String file : new String[] {"/dev/cuecard/ui/overlay.css", "/dev/cuecard/ui/app.css"}) {
            Map<String, Map<String, String>> css = rules(file);
            java.util.Set<String> colours = new java.util.HashSet<>();
            for (String state : new String[] {"listening", "paused", "off", "sending"}) {
                Map<String, String> rule = css.entrySet().stream().filter(e -> e.getKey().endsWith(".pill-" + state))
                        .findFirst().orElseThrow(() -> new AssertionError("no pill-" + state + " in " + file)).getValue();
                double[] bg = rgba(rule.get("-fx-background-color"));
                assertThat(contrast(rgba(rule.get("-fx-text-fill")), bg)).as(file + " pill-" + state)
                        .isGreaterThanOrEqualTo(AA);
                colours.add(rule.get("-fx-background-color"));
            }
            assertThat(colours).as("distinct pill colours in " + file).hasSize(4);
        }
    }

    // ---- CSS and colour arithmetic ----

    private static Map<String, Map<String, String>> rules(String resource) throws IOException {
        String text;
        try (InputStream in = OverlayContrastTest.class.getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
        Map<String, Map<String, String>> out = new HashMap<>();
        Matcher m = Pattern.compile("([^{}]+)\\{([^}]*)}").matcher(text);
        while (m.find()) {
            Map<String, String> props = new HashMap<>();
            for (String decl : m.group(2).split(";")) {
                int colon = decl.indexOf(':');
                if (colon > 0) {
                    props.put(decl.substring(0, colon).strip(), decl.substring(colon + 1).strip());
                }
            }
            for (String selector : m.group(1).split(",")) {
                out.computeIfAbsent(selector.strip(), k -> new HashMap<>()).putAll(props);
            }
        }
        return out;
    }

    /** #rrggbb or rgba(r, g, b, a) as {r, g, b, a} with channels 0–255. */
    static double[] rgba(String css) {
        String c = css.strip();
        if (c.startsWith("#")) {
            return new double[] {Integer.parseInt(c.substring(1, 3), 16), Integer.parseInt(c.substring(3, 5), 16),
                    Integer.parseInt(c.substring(5, 7), 16), 1};
        }
        String[] p = c.substring(c.indexOf('(') + 1, c.indexOf(')')).split(",");
        return new double[] {Double.parseDouble(p[0].strip()), Double.parseDouble(p[1].strip()),
                Double.parseDouble(p[2].strip()), p.length > 3 ? Double.parseDouble(p[3].strip()) : 1};
    }

    /** {@code top} painted over an opaque {@code under}. */
    static double[] over(double[] top, double[] under) {
        double a = top[3];
        return new double[] {top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a),
                top[2] * a + under[2] * (1 - a), 1};
    }

    static double contrast(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(double[] c) {
        return 0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2]);
    }

    private static double linear(double channel) {
        double s = channel / 255;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
