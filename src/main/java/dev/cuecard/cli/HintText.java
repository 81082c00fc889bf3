package dev.cuecard.cli;

import dev.cuecard.hint.Hint;
import dev.cuecard.question.Classification;
import java.util.List;
import java.util.Locale;

/** A hint as plain text for the terminal. */
final class HintText {
    private HintText() {
    }

    static String render(Hint h, Classification c) {
        StringBuilder b = new StringBuilder();
        b.append(h.title()).append("  [").append(h.category().id());
        if (h.templateId() != null) {
            b.append(" / ").append(h.templateId());
        }
        b.append(String.format(Locale.ROOT, ", confidence %.2f, %s]%n", c.confidence(), h.source().id()));
        b.append("  ").append(h.gist()).append(System.lineSeparator());
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
            b.append(numbered ? "  " + (i + 1) + ". " : "  - ").append(items.get(i)).append(System.lineSeparator());
        }
    }
}
