package dev.cuecard.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuecard.asr.ModelException;
import dev.cuecard.asr.SpeechModel;
import dev.cuecard.practice.Answer;
import dev.cuecard.practice.AnswerReviewer;
import dev.cuecard.practice.AnswerScorer;
import dev.cuecard.practice.DimensionScore;
import dev.cuecard.practice.PracticeHistory;
import dev.cuecard.practice.PracticeQuestion;
import dev.cuecard.practice.PracticeRound;
import dev.cuecard.practice.QuestionResult;
import dev.cuecard.practice.RoundSetup;
import dev.cuecard.practice.RoundType;
import dev.cuecard.practice.ScoreJson;
import dev.cuecard.practice.Seniority;
import dev.cuecard.practice.WavAnswers;
import dev.cuecard.question.Classification;
import dev.cuecard.question.Template;
import dev.cuecard.question.UtteranceClassifier;
import dev.cuecard.session.SessionStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score one answer with the offline rubric (and the LLM review when one is configured).")
final class PracticeScoreCommand implements Callable<Integer> {
    /** The least topic probability a question typed for practice needs to pick a template by its words. */
    static final double MIN_TOPIC_CONFIDENCE = 0.05;

    @ParentCommand
    PracticeCommand practice;

    @Option(names = "--question", required = true, paramLabel = "TEXT_OR_TEMPLATE_ID",
            description = "a template id (e.g. cache-aside) or the question's text")
    String question;

    static final class AnswerSource {
        @Option(names = "--answer-text", paramLabel = "TEXT", required = true, description = "the answer, typed")
        String text;

        @Option(names = "--answer-wav", paramLabel = "FILE.wav", required = true,
                description = "the answer, recorded (recognised with the speech model)")
        Path wav;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    AnswerSource answer;

    @Option(names = "--seniority", defaultValue = "mid", paramLabel = "LEVEL",
            description = "junior, mid or senior: which follow-up pushes back (default: ${DEFAULT-VALUE})")
    String seniority;

    @Mixin
    SharedFlags.Json json;

    @Mixin
    SharedFlags.Offline offline;

    @Option(names = "--save", description = "store the answer as a practice session (counts for weak topics)")
    boolean save;

    @Mixin
    ModelOption modelOption;

    @Override
    public Integer call() {
        Cli cli = practice.cli;
        Seniority level = Seniority.fromId(seniority)
                .orElseThrow(() -> new UserError("--seniority must be junior, mid or senior (got '" + seniority + "')", 2));
        UtteranceClassifier classifier = Engines.classifier(cli);
        Template template = template(classifier);
        Answer given = answer.text != null ? Answer.typed(answer.text) : recognised(cli);
        Optional<AnswerReviewer> reviewer = PracticeEngines.reviewer(cli, offline.on, level);
        RoundSetup setup = new RoundSetup(RoundType.DRILL, level, Optional.of(template.category()), Optional.empty(),
                "", "", false, 1);
        PracticeQuestion q = question.strip().equals(template.id()) ? PracticeQuestion.of(1, template)
                : new PracticeQuestion(1, template, question.strip());
        // scored and shown first, stored after: a database that cannot be written must not cost the score
        QuestionResult result = new PracticeRound(setup, List.of(q), AnswerScorer.shipped(), reviewer, Optional.empty())
                .answer(given);
        result.llmStatus().ifPresent(s -> cli.warn(s + "; offline rubric and template follow-up only"));
        PrintWriter out = cli.out();
        out.println(json.on ? EventJson.write(node(result)) : TerminalText.block(text(result)));
        out.flush();
        if (save) {
            try (SessionStore store = SessionStores.open(cli)) {
                PracticeRound round = new PracticeRound(setup, List.of(q), AnswerScorer.shipped(), Optional.empty(),
                        Optional.of(store));
                // all or nothing: a write that fails (a full disk) must not leave an empty session behind
                store.transaction(() -> {
                    round.record(result);
                    round.finish(PracticeHistory.empty());
                });
                round.sessionId().ifPresent(id -> cli.err().println("cuecard: stored as practice session " + id));
            }
        }
        return 0;
    }

    private Template template(UtteranceClassifier classifier) {
        Optional<Template> byId = classifier.library().get(question.strip());
        if (byId.isPresent()) {
            return byId.get();
        }
        Classification c = classifier.classifyAsQuestion(question);
        // read as a question by force, a greeting still gets its least unlikely topic and the template nearest in
        // meaning: below this the words name no topic ("hello there" 1.5 %, "good morning" 0.5 %; the tersest
        // technical asks read 12 % and more: "idempotency", "bloom filter", "n plus one")
        Optional<Template> t = c.confidence() >= MIN_TOPIC_CONFIDENCE ? c.template() : Optional.empty();
        return t.orElseThrow(() -> new UserError("no template matches \"" + question
                + "\"; pass a template id (see the templates folder) or rephrase the question"));
    }

    private Answer recognised(Cli cli) {
        var source = WavSources.open(cli, answer.wav, Double.POSITIVE_INFINITY);
        try (SpeechModel model = modelOption.load(cli)) {
            return WavAnswers.recognise(model, source);
        } catch (ModelException e) {
            throw new UserError(e.getMessage());
        } catch (WavAnswers.RecognitionFailed e) {
            throw new UserError("cannot recognise " + answer.wav + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted");
        }
    }

    static ObjectNode node(QuestionResult r) {
        ObjectNode n = ScoreJson.tree(r.score());
        n.put("question", r.question().text());
        n.put("template", r.question().template().id());
        n.put("category", r.question().category().id());
        n.put("answer", r.answer().text());
        n.put("spoken", r.answer().spoken());
        if (r.followUp().isPresent()) {
            n.put("followUp", r.followUp().get());
            n.put("followUpSource", r.followUpFromLlm() ? "llm" : "template");
        } else {
            n.putNull("followUp");
        }
        r.review().ifPresent(rv -> {
            ObjectNode o = n.putObject("llmReview");
            o.put("summary", rv.summary());
            rv.strengths().forEach(o.putArray("strengths")::add);
            rv.improvements().forEach(o.putArray("improvements")::add);
        });
        r.llmStatus().ifPresent(s -> n.put("llmStatus", s));
        return n;
    }

    static String text(QuestionResult r) {
        StringBuilder s = new StringBuilder();
        // the question, its id and key points may come from the user's templates: one line each
        s.append(String.format(Locale.ROOT, "%s [%s]%nScore %.1f / 10%n", TerminalText.line(r.question().text()),
                TerminalText.line(r.question().template().id()), r.score().total()));
        for (DimensionScore d : r.score().dimensions()) {
            s.append(String.format(Locale.ROOT, "  %-13s %4s  %s%n", d.dimension().label(),
                    d.outOfTen().map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse("—"),
                    TerminalText.line(d.finding())));
            // the advice may quote the template's gist (the user's own, for an off-topic answer): one line too
            if (!d.suggestion().isBlank()) {
                s.append("                      → ").append(TerminalText.line(d.suggestion())).append('\n');
            }
        }
        r.score().coveredKeyPoints().forEach(k -> s.append("  ✔ ").append(TerminalText.line(k)).append('\n'));
        r.score().missedKeyPoints().forEach(k -> s.append("  ✘ ").append(TerminalText.line(k)).append('\n'));
        // the LLM's text may hold line breaks: continued in its column, never at the margin
        r.followUp().ifPresent(f -> s.append("Follow-up").append(r.followUpFromLlm() ? " (LLM)" : "").append(": ")
                .append(TerminalText.continued(f, "    ")).append('\n'));
        r.review().ifPresent(rv -> {
            s.append("LLM review: ").append(TerminalText.continued(rv.summary(), " ".repeat(12))).append('\n');
            rv.strengths().forEach(x -> s.append("  + ").append(TerminalText.continued(x, "    ")).append('\n'));
            rv.improvements().forEach(x -> s.append("  → ").append(TerminalText.continued(x, "    ")).append('\n'));
        });
        return s.toString().stripTrailing();
    }
}
