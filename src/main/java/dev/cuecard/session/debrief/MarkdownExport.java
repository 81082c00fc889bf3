package dev.cuecard.session.debrief;

import dev.cuecard.hint.Hint;
import dev.cuecard.session.SessionRecord;
import dev.cuecard.session.StoredHint;
import dev.cuecard.session.Utterance;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A debrief as Markdown: questions, hints, answers, notes, analytics and the transcript. */
public final class MarkdownExport {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ZoneId zone;

    public MarkdownExport(ZoneId zone) {
        this.zone = zone;
    }

    public String render(Debrief d) {
        SessionRecord s = d.detail().session();
        StringBuilder md = new StringBuilder();
        md.append("# Session ").append(s.id()).append(" — ").append(s.title() == null ? s.kind().id() : MarkdownText.inline(s.title()))
                .append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "started", WHEN.format(s.startedAt().atZone(zone)));
        row(md, "kind", s.kind().id());
        row(md, "status", s.status().id() + (s.lostWrites() > 0 ? " — " + s.lostWrites() + " writes lost"
                + (s.storageProblem() == null ? "" : " (" + s.storageProblem() + ")") : "")
                + s.stopped().map(st -> " — " + st.heard()).orElse(""));
        if (s.kind() == dev.cuecard.session.SessionKind.PRACTICE) {
            row(md, "questions", "asked by Cuecard (practice)"); // no interviewer and no audio device on that side
        } else if (s.themDevice() != null) {
            row(md, "interviewer audio", s.themDevice());
        }
        if (s.meDevice() != null) {
            row(md, "my audio", s.meDevice());
        }
        if (s.speechModel() != null) {
            row(md, "speech model", s.speechModel());
        }
        row(md, "LLM", s.llmModel() == null ? "none (template hints)" : s.llmModel() + String.format(Locale.ROOT,
                " — %d in / %d out tokens, $%.4f", s.llmInputTokens(), s.llmOutputTokens(), s.llmCostUsd()));
        md.append('\n');
        if (s.note() != null) {
            md.append("> ").append(s.note().lines().map(MarkdownText::inline)
                    .collect(Collectors.joining("\n> "))).append("\n\n");
        }
        boolean graded = d.candidateRecorded();
        if (graded) {
            analytics(md, d);
        } else {
            md.append("## Speaking analytics\n\n").append(Character.toUpperCase(Debrief.NOT_RECORDED.charAt(0)))
                    .append(Debrief.NOT_RECORDED.substring(1)).append(".\n\n");
        }
        for (AnswerReview a : d.answers()) {
            answer(md, a, graded);
        }
        md.append("## Transcript\n\n");
        for (Utterance u : d.transcript()) {
            md.append(String.format(Locale.ROOT, "- `%s` **%s** %s%n", clock(u.startMs()), u.channel().id(),
                    MarkdownText.inline(u.text())));
        }
        return md.toString();
    }

    private static void analytics(StringBuilder md, Debrief d) {
        SessionAnalytics a = d.analytics();
        md.append("## Speaking analytics\n\n| measure | value |\n|---|---|\n");
        row(md, "words per minute", a.me().wordsPerMinuteText());
        row(md, "filler words", a.me().fillerCount() + fillers(a.me()));
        row(md, "talk time (me / them)", a.me().typedOnly() ? "not measured (typed answers)"
                : String.format(Locale.ROOT, "%s / %s (%.0f %% me)", clock(a.talk().meMs()),
                clock(a.talk().themMs()), 100 * a.talk().meShare()));
        row(md, "answers on target (1–2 min)", a.onTarget() + " of " + a.answered());
        md.append('\n');
    }

    private static void answer(StringBuilder md, AnswerReview a, boolean graded) {
        md.append("## Q").append(a.number()).append(". ").append(MarkdownText.inline(a.question().text())).append("\n\n");
        md.append(String.format(Locale.ROOT, "*%s at %s · %s%s · confidence %.2f*%n%n", a.question().category().id(),
                clock(a.question().startMs()), a.question().templateId() == null ? "no template" : a.question().templateId(),
                a.question().early() ? " · decided early" : "", a.question().confidence()));
        for (int i = 0; i < a.hints().size(); i++) {
            StoredHint h = a.hints().get(i);
            Hint hint = h.hint();
            md.append("**Hint shown** (").append(h.source())
                    .append(h.whenShown(" ").map(w -> ", " + w).orElse(""))
                    .append(a.hintRole(i).map(role -> ", " + role).orElse("")).append("): ")
                    .append(MarkdownText.inline(hint.title())).append(" — ").append(MarkdownText.inline(hint.gist()))
                    .append("\n\n");
            list(md, hint.keyPoints());
        }
        if (!graded) {
            review(md, a);
            return;
        }
        md.append("**My answer**");
        if (a.answer().isEmpty()) {
            md.append(": none recorded\n\n");
        } else if (a.metrics().typedOnly()) {
            md.append(String.format(Locale.ROOT, " (typed: %d words, %d fillers; length and pace not measured):%n%n> %s%n%n",
                    a.metrics().words(), a.metrics().fillerCount(), MarkdownText.inline(a.answerText())));
        } else {
            md.append(String.format(Locale.ROOT, " (%s, %.0f wpm, %d fillers — %s):%n%n> %s%n%n", clock(a.metrics().spanMs()),
                    a.metrics().wordsPerMinute(), a.metrics().fillerCount(), a.length().label(),
                    MarkdownText.inline(a.answerText())));
        }
        a.practiceScoreText().ifPresent(s -> md.append("**Practice score:** ").append(s).append("\n\n"));
        AnswerFeedback f = a.feedback();
        if (!f.keyPoints().isEmpty()) {
            md.append("Key points covered: ").append(f.keyPointsCovered()).append(" of ").append(f.keyPoints().size())
                    .append("\n\n");
            List<String> disagree = a.tickedLiveNotFound();
            for (KeyPointCoverage k : f.keyPoints()) {
                md.append("- [").append(k.covered() ? "x" : " ").append("] ").append(MarkdownText.inline(k.keyPoint()))
                        .append(disagree.contains(k.keyPoint()) ? " — " + LiveCoverage.NOT_FOUND_AFTER : "").append('\n');
            }
            md.append('\n');
        }
        LiveCoverage live = a.live();
        if (live.recorded()) {
            md.append("Live coach: ").append(live.ticked().size()).append(" key point(s) ticked while answering")
                    .append(live.ticked().isEmpty() ? "" : " (" + MarkdownText.inline(String.join("; ", live.points())) + ")")
                    .append(live.end().map(e -> String.format(Locale.ROOT, "; %s, %.0f wpm, %d fillers%s", clock(e.durationMs()),
                            e.wordsPerMinute(), e.fillers(), e.followUp().map(x -> "; be ready for: " + MarkdownText.inline(x))
                                    .orElse("")))
                            .orElse("")).append("\n\n");
        }
        StructureCheck st = f.structure();
        md.append("Structure (").append(st.shape()).append("): ").append(st.complete() ? "complete"
                : st.missing().isEmpty() ? "all parts, out of order" : "missing " + String.join(", ", st.missing()))
                .append("  \n");
        md.append("Numbers: ").append(f.numbers().isEmpty() ? "none" : MarkdownText.inline(String.join(", ", f.numbers())))
                .append(" · Examples: ").append(f.examples().isEmpty() ? "none"
                        : MarkdownText.inline(String.join(", ", f.examples())))
                .append("\n\n");
        review(md, a);
    }

    private static void review(StringBuilder md, AnswerReview a) {
        if (a.question().rating().isPresent() || a.question().note() != null) {
            md.append("**My review**: ").append(a.question().rating().map(r -> r + "/5 ").orElse(""))
                    .append(a.question().note() == null ? "" : MarkdownText.inline(a.question().note())).append("\n\n");
        }
    }

    /** The fillers, most used first (ties in order of first use), as " (um ×2, uh ×1)"; "" when none. */
    static String fillers(SpeakingMetrics m) {
        if (m.fillers().isEmpty()) {
            return "";
        }
        return m.fillers().entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", ", " (", ")"));
    }

    private static void list(StringBuilder md, List<String> items) {
        items.forEach(i -> md.append("- ").append(MarkdownText.inline(i)).append('\n'));
        if (!items.isEmpty()) {
            md.append('\n');
        }
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(MarkdownText.inline(value)).append(" |\n");
    }

    /** m:ss of audio time. */
    static String clock(long ms) {
        long s = ms / 1000;
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
