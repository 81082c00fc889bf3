package dev.cuecard.cli;

import dev.cuecard.hint.DraftCancellation;
import dev.cuecard.hint.DraftListener;
import dev.cuecard.hint.DraftOutcome;
import dev.cuecard.hint.DraftRequest;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.TemplateHintEngine;
import dev.cuecard.hint.llm.LlmHintEngine;
import dev.cuecard.question.Classification;
import dev.cuecard.question.UtteranceClassifier;
import dev.cuecard.hint.llm.PromptText;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "hint", mixinStandardHelpOptions = true,
        description = "The cue card for a question (no QUESTION: one question per line on standard input).")
final class HintCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Parameters(paramLabel = "QUESTION", arity = "0..*", description = "the question (words are joined)")
    List<String> words;

    @Mixin
    SharedFlags.Json json;

    @Mixin
    SharedFlags.Offline offline;

    @Override
    public Integer call() {
        String asked = words == null ? "" : String.join(" ", words).strip();
        if (words != null && !words.isEmpty() && asked.isEmpty()) {
            // a card for nothing ("General answer shape [databases, confidence 0.00]") helps no one
            throw new UserError("the question is empty: give its words (cuecard hint \"how would you design a rate "
                    + "limiter\"), or none to read one question per line from standard input", 2);
        }
        UtteranceClassifier classifier = Engines.classifier(cli);
        TemplateHintEngine engine = new TemplateHintEngine();
        Optional<LlmHintEngine> llm = Engines.llm(cli, offline.on);
        PrintWriter out = cli.out();
        if (!asked.isEmpty()) {
            print(out, classifier, engine, llm, asked);
            return 0;
        }
        TextInput r = new TextInput(cli.in(), cli::warn);
        String line;
        while ((line = r.readLine()) != null) {
            if (!line.isBlank()) {
                print(out, classifier, engine, llm, line.strip());
            }
        }
        return 0;
    }

    private void print(PrintWriter out, UtteranceClassifier classifier, TemplateHintEngine engine,
                       Optional<LlmHintEngine> llm, String asked) {
        String question = capped(asked);
        // the user says it is a question: ask the topic classifier even if the detector would not
        Classification c = classifier.classifyAsQuestion(question);
        Optional<Hint> matched = engine.hintFor(c);
        if (matched.isEmpty()) {
            cli.warn("no template matches \"" + PromptText.head(question, 80) + "\"");
        }
        Hint template = matched.orElseGet(() -> TemplateHintEngine.general(question));
        // a configured LLM that is off for this run says why in the JSON too, as a failed one does
        Drafted drafted = llm.map(l -> drafted(l, c, template)).orElse(new Drafted(template,
                offline.on ? null : cli.llmProblem().map(p -> "llm_off: " + p).orElse(null)));
        if (json.on) {
            com.fasterxml.jackson.databind.node.ObjectNode n = HintJson.hint(drafted.hint());
            if (drafted.status() != null) {
                n.put("status", drafted.status());
            }
            out.println(EventJson.write(n));
        } else {
            out.println(TerminalText.block(HintText.render(drafted.hint(), c)));
        }
        out.flush();
    }

    /** A question longer than any spoken one is cut, with a warning, before it is classified or sent. */
    private String capped(String question) {
        if (question.length() <= PromptText.QUESTION_CHARS) {
            return question;
        }
        cli.warn("the question has " + question.length() + " characters; only its first " + PromptText.QUESTION_CHARS
                + " are used");
        return question.substring(0, PromptText.QUESTION_CHARS);
    }

    /** The hint shown, and why the LLM's is not it (null when it is, or none was asked for). */
    private record Drafted(Hint hint, String status) {
    }

    /** The LLM's hint, or the template hint with the failure's status (on stderr, and in the JSON). */
    private Drafted drafted(LlmHintEngine llm, Classification c, Hint template) {
        DraftOutcome outcome = llm.draft(new DraftRequest(c, template, List.of()), DraftListener.ignoring(),
                new DraftCancellation());
        if (outcome instanceof DraftOutcome.Drafted d) {
            return new Drafted(d.hint(), null);
        }
        String status = outcome instanceof DraftOutcome.Failed f ? f.status() : "LLM draft cancelled";
        cli.warn(status + "; showing the template hint");
        return new Drafted(template, "llm_failed: " + status);
    }
}
