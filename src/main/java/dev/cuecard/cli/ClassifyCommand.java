package dev.cuecard.cli;

import dev.cuecard.question.Classification;
import dev.cuecard.question.UtteranceClassifier;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Is each utterance an interview question, and of which category and template?")
final class ClassifyCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Parameters(paramLabel = "TEXT", arity = "0..*",
            description = "one utterance per argument; none = one per line on standard input")
    List<String> texts;

    @Mixin
    SharedFlags.Json json;

    @Override
    public Integer call() {
        UtteranceClassifier classifier = Engines.classifier(cli);
        PrintWriter out = cli.out();
        if (texts != null && !texts.isEmpty()) {
            texts.forEach(t -> print(out, classifier.classify(TextInput.capped(t, "an utterance", cli::warn))));
            return 0;
        }
        TextInput r = new TextInput(cli.in(), cli::warn);
        String line;
        while ((line = r.readLine()) != null) {
            if (!line.isBlank()) {
                print(out, classifier.classify(line.strip()));
            }
        }
        return 0;
    }

    private void print(PrintWriter out, Classification c) {
        if (json.on) {
            out.println(EventJson.write(HintJson.classification(c)));
        } else {
            out.println(String.format(Locale.ROOT, "%-19s %-28s %.2f  %s", c.category().id(),
                    c.templateId() == null ? "-" : TerminalText.line(c.templateId()), c.confidence(), TerminalText.line(c.text())));
        }
        out.flush();
    }
}
