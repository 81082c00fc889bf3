package dev.cuecard.cli;

import dev.cuecard.hint.Hint;
import dev.cuecard.question.Classification;
import java.util.List;
import java.util.Locale;

/**
 * A hint as plain text for the terminal. Each field is one line ({@link TerminalText#line}): a card
 * can come from the user's templates folder, and a line break inside a field would start a line
 * that reads as ours (a "Key points:" of its own).
 */
final class HintText {
    private HintText() {
    }

    static String render(Hint h, Classification c) {
        StringBuilder b = new StringBuilder();
        b.append(TerminalText.line(h.title())).append("  [").append(h.category().id());
        if (h.templateId() != null) {
            b.append(" / ").append(TerminalText.line(h.templateId()));
        }
        b.append(String.format(Locale.ROOT, ", confidence %.2f, %s]%n", c.confidence(), h.source().id()));
        b.append("  ").append(TerminalText.line(h.gist())).append(System.lineSeparator());
        section(b, "Structure", h.structure(), true);
        section(b, "Key points", h.keyPoints(), false);
        section(b, "Numbers", h.numbers(), false);
        section(b, "Pitfalls", h.pitfalls(), false);
        section(b, "Follow-ups", h.followUps(), false);
        return b.toString();
    }

    private static void section(StringBuilder b, String name, List<String> items, boolean numbered) {
        if (items.isEmpty()) {
            return;
        }
        b.append(name).append(':').append(System.lineSeparator());
        for (int i = 0; i < items.size(); i++) {
            b.append(numbered ? "  " + (i + 1) + ". " : "  - ").append(TerminalText.line(items.get(i)))
                    .append(System.lineSeparator());
        }
    }
}
