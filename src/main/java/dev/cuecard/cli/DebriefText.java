package dev.cuecard.cli;

import dev.cuecard.session.SearchHit;
import dev.cuecard.session.SessionRecord;
import dev.cuecard.session.SessionSummary;
import dev.cuecard.session.StoredHint;
import dev.cuecard.session.debrief.AnswerReview;
import dev.cuecard.session.debrief.Debrief;
import dev.cuecard.session.debrief.LiveCoverage;
import dev.cuecard.session.debrief.SessionAnalytics;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Plain-text lines of {@code debrief} for people. */
final class DebriefText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private DebriefText() {
    }

    static String summary(SessionSummary s) {
        return String.format(Locale.ROOT, "%5d  %s  %-8s %-11s %3d questions  %4d utterances  %s%s", s.id(),
                WHEN.format(s.startedAt()), s.kind().id(), s.status().id(), s.questions(), s.utterances(),
                clock(s.audioMs()), (s.title() == null ? "" : "  " + TerminalText.line(s.title()))
                        + (s.lostWrites() > 0 ? "  (" + s.lostWrites() + " writes lost)" : "")
                        + s.stopped().map(st -> "  (" + st.heard() + ")").orElse(""));
    }

    static String hit(SearchHit h) {
        return String.format(Locale.ROOT, "session %d  %s  %-5s %s", h.sessionId(), clock(h.atMs()),
                h.channel() == null ? "hint" : h.channel(), TerminalText.line(h.snippet()));
    }

    static String debrief(Debrief d) {
        SessionRecord s = d.detail().session();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "session %d  %s  %s  %s%s%n", s.id(), WHEN.format(s.startedAt()),
                s.kind().id(), s.status().id(), s.lostWrites() > 0 ? " (" + s.lostWrites() + " writes lost: "
                        + TerminalText.line(s.storageProblem()) + ")" : s.stopped().map(st -> " (" + st.heard() + ")")
                        .orElse("")));
        SessionAnalytics a = d.analytics();
        boolean graded = d.candidateRecorded();
        if (graded) {
            b.append(String.format(Locale.ROOT, "me: %s wpm, %d fillers, talk share %s, %d of %d answers 1–2 min%n",
                    a.me().wordsPerMinuteText(), a.me().fillerCount(), a.me().typedOnly() ? "not measured (typed)"
                            : String.format(Locale.ROOT, "%.0f %%", 100 * a.talk().meShare()), a.onTarget(), a.answered()));
        } else {
            b.append("me: ").append(Debrief.NOT_RECORDED).append('\n');
        }
        for (AnswerReview r : d.answers()) {
            b.append(String.format(Locale.ROOT, "%nQ%d %s  [%s] %s%n", r.number(), clock(r.question().startMs()),
                    r.question().category().id(), TerminalText.line(r.question().text())));
            for (int i = 0; i < r.hints().size(); i++) {
                StoredHint h = r.hints().get(i);
                b.append("   hint").append(r.hintRole(i).map(role -> " (" + role + ")").orElse("")).append(": ")
                        .append(TerminalText.line(h.hint().title())).append(" — ")
                        .append(TerminalText.line(h.hint().gist())).append('\n');
            }
            if (graded) {
                answer(b, r);
            }
            if (r.question().rating().isPresent() || r.question().note() != null) {
                b.append("   my review: ").append(r.question().rating().map(x -> x + "/5 ").orElse(""))
                        .append(r.question().note() == null ? "" : TerminalText.line(r.question().note())).append('\n');
            }
        }
        return b.toString().stripTrailing();
    }

    /** The answer given to one question, its measures and what the live coach saw. */
    private static void answer(StringBuilder b, AnswerReview r) {
        b.append("   answer: ").append(r.answer().isEmpty() ? "(none)" : TerminalText.line(r.answerText())).append('\n');
        r.practiceScoreText().ifPresent(s -> b.append("   practice score: ").append(s).append('\n'));
        b.append(String.format(Locale.ROOT, "   %s, %s wpm, %d fillers; key points %d/%d; structure %s; %s%n",
                r.length().label(), r.metrics().wordsPerMinuteText(), r.metrics().fillerCount(),
                r.feedback().keyPointsCovered(), r.feedback().keyPoints().size(),
                r.feedback().structure().complete() ? "complete" : "missing " + r.feedback().structure().missing(),
                r.feedback().specific() ? "specific" : "no numbers or examples"));
        if (r.live().recorded()) {
            b.append(String.format(Locale.ROOT, "   live: %d key point(s) ticked%s%s%n", r.live().ticked().size(),
                    r.live().ticked().isEmpty() ? "" : " (" + TerminalText.line(String.join("; ", r.live().points())) + ")",
                    r.live().end().map(e -> String.format(Locale.ROOT, "; %.0f s, %.0f wpm, %d fillers%s",
                            e.durationMs() / 1000.0, e.wordsPerMinute(), e.fillers(),
                            e.followUp().map(f -> "; be ready for: " + TerminalText.line(f)).orElse(""))).orElse("")));
            r.tickedLiveNotFound().forEach(p -> b.append("   ✗ ").append(TerminalText.line(p)).append(" — ")
                    .append(LiveCoverage.NOT_FOUND_AFTER).append('\n'));
        }
    }

    static String clock(long ms) {
        long sec = ms / 1000;
        return String.format(Locale.ROOT, "%d:%02d", sec / 60, sec % 60);
    }
}
