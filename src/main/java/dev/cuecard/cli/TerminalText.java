package dev.cuecard.cli;

/**
 * Text from outside (file names, typed or heard text, stored titles, LLM replies) made safe for a
 * terminal: control characters cannot move the cursor, recolour, retitle the window or start a new
 * line that looks like our own output. They are shown as escapes instead ({@code \e}, {@code \n},
 * {@code \x07}, {@code \u202e}), so nothing is silently dropped.
 */
final class TerminalText {
    private TerminalText() {
    }

    /** One line: every control character escaped, line breaks included. */
    static String line(String s) {
        return escape(s, false);
    }

    /**
     * Text that may run over several lines (an LLM's summary) under a label: each line break, of any
     * kind, starts a new line at {@code indent}, so the text stays in its column below the label
     * instead of breaking the layout; blank lines are dropped; every other control character escaped.
     */
    static String continued(String s, String indent) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (String part : s.strip().split("\\r\\n|[\\r\\n\\u2028\\u2029]")) {
            if (part.isBlank()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('\n').append(indent);
            }
            out.append(line(part.strip()));
        }
        return out.toString();
    }

    /** Several lines: line breaks kept, every other control character escaped. */
    static String block(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean keepNewlines) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = (keepNewlines && c == '\n') ? null : replacement(c);
            if (rep != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                out.append(rep != null ? rep : String.valueOf(c));
            }
        }
        return out == null ? s : out.toString();
    }

    /** The escape shown for {@code c}, or null when it prints as itself. */
    static String replacement(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case 0x1b:
                return "\\e";
            default:
                break;
        }
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
            return String.format("\\x%02x", (int) c);
        }
        // line/paragraph separators and bidirectional overrides/isolates reorder or break what is shown
        if (c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e' || c == '\u200f' || c == '\u061c') {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
