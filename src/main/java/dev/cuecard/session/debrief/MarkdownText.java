package dev.cuecard.session.debrief;

/**
 * Text from outside (titles from file names, what was said, hints, notes) inside our Markdown: it
 * stays in its line and its span — no new heading, list or block quote from a line break, no
 * emphasis, link, image, code span, table cell or HTML from its punctuation, no terminal escape.
 * Control characters are shown as their Unicode symbols (␛ for ESC).
 */
public final class MarkdownText {
    private MarkdownText() {
    }

    /** For a heading, a table cell, a list item or a sentence: one line, markup characters escaped. */
    public static String inline(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else if (c < 0x20) {
                out.append((char) (0x2400 + c)); // Control Pictures: ␛ for ESC, ␇ for BEL…
            } else if (c == 0x7f) {
                out.append('\u2421');
            } else if ((c >= 0x80 && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
                out.append('\ufffd');
            } else if ("\\`*_[]<>|#!~".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
