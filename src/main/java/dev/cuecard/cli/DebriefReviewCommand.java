package dev.cuecard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuecard.practice.Answer;
import dev.cuecard.practice.AnswerReviewer;
import dev.cuecard.practice.AnswerScorer;
import dev.cuecard.practice.PracticeQuestion;
import dev.cuecard.practice.ReviewOutcome;
import dev.cuecard.practice.Seniority;
import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.debrief.AnswerReview;
import dev.cuecard.session.debrief.Debrief;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code debrief review ID}: with an LLM configured, a short written review of each answer next to
 * the offline feedback of {@code debrief show} (same failure rules as hints: a failure is a status).
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "An LLM's written review of each answer of a session (needs an LLM endpoint).")
final class DebriefReviewCommand implements Callable<Integer> {
    @ParentCommand
    DebriefCommand parent;

    @Parameters(paramLabel = "ID")
    long id;

    @Mixin
    SharedFlags.Json json;

    @Override
    public Integer call() {
        Optional<AnswerReviewer> reviewer = PracticeEngines.reviewer(parent.cli, false, Seniority.MID);
        if (reviewer.isEmpty()) {
            throw new UserError("no LLM configured (set CUECARD_LLM_BASE_URL or llm.baseUrl in settings); "
                    + "the offline feedback is in 'cuecard debrief show " + id + "'");
        }
        Debrief d = parent.reading(store -> parent.debrief(store, id));
        // the user's own templates too, as the session was carded with them
        TemplateLibrary templates = TemplateLibrary.load(Optional.of(
                dev.cuecard.config.AppPaths.from(parent.cli.env()).templatesDir()));
        AnswerScorer scorer = AnswerScorer.shipped();
        PrintWriter out = parent.cli.out();
        int reviewed = 0;
        int failed = 0;
        int notSent = 0;
        Optional<String> lasting = Optional.empty();
        for (AnswerReview a : d.answers()) {
            Optional<Template> t = Optional.ofNullable(a.question().templateId()).flatMap(templates::get);
            Answer answer = Answer.spoken(a.answer());
            if (t.isEmpty() || answer.text().isBlank()) {
                continue; // nothing to review: no template to judge against, or no answer given
            }
            if (lasting.isPresent()) {
                notSent++; // the endpoint fails every request alike: the rest would only wait for the same status
                continue;
            }
            ReviewOutcome outcome = reviewer.get().review(PracticeQuestion.of(a.number(), t.get()), answer,
                    scorer.score(t.get(), answer));
            out.println(json.on ? json(a, outcome) : text(a, outcome));
            out.flush();
            if (outcome instanceof ReviewOutcome.Failed f) {
                failed++;
                lasting = Optional.of(f.status()).filter(dev.cuecard.hint.llm.JsonChat::failsEveryRequest);
            } else {
                reviewed++;
            }
        }
        if (reviewed + failed == 0) {
            parent.cli.warn("nothing to review in session " + id + ": no answer to a question with a template card "
                    + "(the offline feedback is in 'cuecard debrief show " + id + "')");
            return 0;
        }
        if (notSent > 0) {
            parent.cli.warn(notSent + " more answer" + (notSent == 1 ? " was" : "s were") + " not sent: "
                    + TerminalText.line(lasting.orElseThrow()) + " (check the LLM settings, then run this again)");
        }
        // no review at all is a failure a script should see; the offline feedback stands either way
        return reviewed == 0 ? 1 : 0;
    }

    /**
     * The answer, the offline feedback `debrief show` gives, then the LLM's review beside it. Each
     * stored or received text is escaped on its own: a line break in it must not start a line that
     * looks like ours.
     */
    private static String text(AnswerReview a, ReviewOutcome o) {
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder("Q" + a.number() + ". " + TerminalText.line(a.question().text()) + nl);
        b.append("  you said: ").append(TerminalText.line(shortened(a.answerText(), 240))).append(nl);
        b.append(String.format(java.util.Locale.ROOT, "  offline: key points %d/%d; structure %s; %s%n",
                a.feedback().keyPointsCovered(), a.feedback().keyPoints().size(),
                a.feedback().structure().complete() ? "complete" : "missing " + a.feedback().structure().missing(),
                a.feedback().specific() ? "specific" : "no numbers or examples"));
        if (o instanceof ReviewOutcome.Reviewed r) {
            // the model's text may hold line breaks: continued in its column, never at the margin
            b.append("  LLM review: ").append(TerminalText.continued(r.review().summary(), " ".repeat(14))
                    .replace("\n", nl)).append(nl);
            r.review().strengths().forEach(x -> b.append("  + ").append(TerminalText.continued(x, "    ")
                    .replace("\n", nl)).append(nl));
            r.review().improvements().forEach(x -> b.append("  → ").append(TerminalText.continued(x, "    ")
                    .replace("\n", nl)).append(nl));
        } else if (o instanceof ReviewOutcome.Failed f) {
            b.append("  (no review: ").append(TerminalText.line(f.status())).append(')').append(nl);
        }
        return b.toString();
    }

    /** At most {@code max} characters, cut between code points (never inside a surrogate pair). */
    private static String shortened(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = s.offsetByCodePoints(0, s.codePointCount(0, max - 1));
        return s.substring(0, end) + "…";
    }

    private static String json(AnswerReview a, ReviewOutcome o) {
        ObjectNode n = EventJson.JSON.createObjectNode();
        n.put("question", a.number());
        n.put("text", a.question().text());
        if (o instanceof ReviewOutcome.Reviewed r) {
            n.put("summary", r.review().summary());
            ArrayNode s = n.putArray("strengths");
            r.review().strengths().forEach(s::add);
            ArrayNode i = n.putArray("improvements");
            r.review().improvements().forEach(i::add);
        } else if (o instanceof ReviewOutcome.Failed f) {
            n.put("status", f.status());
        }
        return EventJson.write(n);
    }
}
