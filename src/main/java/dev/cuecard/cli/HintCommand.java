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
import java.io.BufferedReader;
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
        UtteranceClassifier classifier = Engines.classifier(cli);
        TemplateHintEngine engine = new TemplateHintEngine();
        Optional<LlmHintEngine> llm = Engines.llm(cli, offline.on);
        PrintWriter out = cli.out();
        if (words != null && !words.isEmpty()) {
            print(out, classifier, engine, llm, String.join(" ", words));
            return 0;
        }
        BufferedReader r = TextInput.reader(cli.in());
        String line;
        while ((line = TextInput.readLine(r)) != null) {
            if (!line.isBlank()) {
                print(out, classifier, engine, llm, line.strip());
            }
        }
        return 0;
    }

    private void print(PrintWriter out, UtteranceClassifier classifier, TemplateHintEngine engine,
                       Optional<LlmHintEngine> llm, String question) {
        // the user says it is a question: ask the topic classifier even if the detector would not
        Classification c = classifier.classifyAsQuestion(question);
        Optional<Hint> matched = engine.hintFor(c);
        if (matched.isEmpty()) {
            cli.warn("no template matches \"" + question + "\"");
        }
        Hint template = matched.orElseGet(() -> TemplateHintEngine.general(question));
        Hint hint = llm.map(l -> drafted(l, c, template)).orElse(template);
        out.println(json.on ? EventJson.write(HintJson.hint(hint)) : HintText.render(hint, c));
        out.flush();
    }

    /** The LLM's hint, or the template hint with the failure's status on stderr. */
    private Hint drafted(LlmHintEngine llm, Classification c, Hint template) {
        DraftOutcome outcome = llm.draft(new DraftRequest(c, template, List.of()), DraftListener.ignoring(),
                new DraftCancellation());
        if (outcome instanceof DraftOutcome.Drafted d) {
            return d.hint();
        }
        if (outcome instanceof DraftOutcome.Failed f) {
            cli.warn(f.status() + "; showing the template hint");
        }
        return template;
    }
}
