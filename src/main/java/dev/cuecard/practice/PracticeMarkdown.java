package dev.cuecard.practice;

import dev.cuecard.question.Category;
import dev.cuecard.question.TemplateCard;
import dev.cuecard.session.debrief.MarkdownText;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A round's report as Markdown: scores, breakdowns, the model outline beside each answer, progress. */
public final class PracticeMarkdown {
    private PracticeMarkdown() {
    }

    public static String render(PracticeReport r, ZoneId zone) {
        StringBuilder md = new StringBuilder();
        md.append("# Practice round — ").append(r.setup().type().label()).append(", ")
                .append(r.setup().seniority().label().toLowerCase(Locale.ROOT)).append("\n\n");
        md.append(r.answered().isEmpty() ? "No question answered"
                : String.format(Locale.ROOT, "Average score: **%.1f / 10** over %d answered question(s)", r.average(),
                r.answered().size()));
        if (r.skipped() > 0) {
            md.append(String.format(Locale.ROOT, ", %d skipped", r.skipped()));
        }
        r.weakestDimension().ifPresent(d -> md.append("; weakest dimension: **").append(d.label()).append("**"));
        md.append("\n");
        r.nextStep().ifPresent(s -> md.append("\nNext time: ").append(s).append("\n"));
        md.append("\n| # | question | category | score |\n|---|---|---|---|\n");
        for (QuestionResult q : r.results()) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s |%n", q.question().number(), cell(q.question().text()),
                    q.question().category().label(), q.answer().wordCount() == 0 ? "skipped"
                            : String.format(Locale.ROOT, "%.1f", q.score().total())));
        }
        for (QuestionResult q : r.results()) {
            md.append("\n## ").append(q.question().number()).append(". ").append(MarkdownText.inline(q.question().text()))
                    .append("\n\n");
            if (q.answer().wordCount() == 0) {
                md.append("_Skipped._\n");
                continue;
            }
            md.append(String.format(Locale.ROOT, "**Score %.1f / 10**%n%n", q.score().total()));
            md.append("| dimension | score | finding | suggestion |\n|---|---|---|---|\n");
            for (DimensionScore d : q.score().dimensions()) {
                md.append("| ").append(d.dimension().label()).append(" (×").append(d.dimension().weight()).append(") | ")
                        .append(d.outOfTen().map(s -> String.format(Locale.ROOT, "%.1f", s)).orElse("—")).append(" | ")
                        .append(cell(d.finding())).append(" | ").append(cell(d.suggestion())).append(" |\n");
            }
            md.append("\n**Your answer**\n\n> ").append(MarkdownText.inline(q.answer().text())).append("\n\n");
            md.append("**Model answer outline**\n\n");
            TemplateCard card = q.question().template().card();
            md.append(card.gist()).append("\n\n");
            card.structure().forEach(s -> md.append("1. ").append(s).append("\n"));
            md.append("\nKey points: ");
            md.append(String.join("; ", marked(card.keyPoints(), q.score().coveredKeyPoints()))).append("\n");
            q.followUp().ifPresent(f -> md.append("\n**Follow-up").append(q.followUpFromLlm() ? " (LLM)" : "")
                    .append(":** ").append(MarkdownText.inline(f)).append("\n"));
            q.review().ifPresent(rv -> {
                md.append("\n**LLM review:** ").append(MarkdownText.inline(rv.summary())).append("\n");
                rv.strengths().forEach(s -> md.append("- ✔ ").append(MarkdownText.inline(s)).append("\n"));
                rv.improvements().forEach(s -> md.append("- → ").append(MarkdownText.inline(s)).append("\n"));
            });
            q.llmStatus().ifPresent(s -> md.append("\n_LLM review unavailable: ").append(s).append("_\n"));
        }
        Map<Category, List<PracticeHistory.Point>> progress = r.history().progress(zone);
        if (!progress.isEmpty()) {
            md.append("\n## Progress per category\n\n| category | day | average | answers |\n|---|---|---|---|\n");
            progress.forEach((c, points) -> points.forEach(p -> md.append(String.format(Locale.ROOT,
                    "| %s | %s | %.1f | %d |%n", c.label(), p.day(), p.average(), p.answers()))));
        }
        return md.toString();
    }

    private static List<String> marked(List<String> keyPoints, List<String> covered) {
        return keyPoints.stream().map(k -> (covered.contains(k) ? "✔ " : "✘ ") + k).toList();
    }

    private static String cell(String s) {
        return MarkdownText.inline(s);
    }
}
