package dev.cuecard.cli;

import dev.cuecard.hint.Hint;
import dev.cuecard.hint.TemplateHintEngine;
import dev.cuecard.question.Classification;
import dev.cuecard.question.UtteranceClassifier;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "hint", mixinStandardHelpOptions = true,
        description = "The cue card for a question (no QUESTION: one question per line on standard input).")
final class HintCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Parameters(paramLabel = "QUESTION", arity = "0..*", description = "the question (words are joined)")
    List<String> words;

    @Option(names = "--json", description = "one JSON object per question")
    boolean json;

    @Option(names = "--offline", description = "template hints only, never the network (the default until an LLM is configured)")
    boolean offline;

    @Override
    public Integer call() {
        UtteranceClassifier classifier = Engines.classifier(cli);
        TemplateHintEngine engine = new TemplateHintEngine();
        PrintWriter out = cli.out();
        if (words != null && !words.isEmpty()) {
            print(out, classifier, engine, String.join(" ", words));
            return 0;
        }
        BufferedReader r = TextInput.reader(cli.in());
        String line;
        while ((line = TextInput.readLine(r)) != null) {
            if (!line.isBlank()) {
                print(out, classifier, engine, line.strip());
            }
        }
        return 0;
    }

    private void print(PrintWriter out, UtteranceClassifier classifier, TemplateHintEngine engine, String question) {
        // the user says it is a question: ask the topic classifier even if the detector would not
        Classification c = classifier.classifyAsQuestion(question);
        Optional<Hint> hint = engine.hintFor(c);
        if (hint.isEmpty()) {
            cli.warn("no template matches \"" + question + "\"");
            if (json) {
                out.println(EventJson.write(HintJson.hint(TemplateHintEngine.general(question))));
            } else {
                out.println(HintText.render(TemplateHintEngine.general(question), c));
            }
        } else if (json) {
            out.println(EventJson.write(HintJson.hint(hint.get())));
        } else {
            out.println(HintText.render(hint.get(), c));
        }
        out.flush();
    }
}
