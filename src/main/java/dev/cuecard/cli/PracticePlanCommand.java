package dev.cuecard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuecard.config.AppPaths;
import dev.cuecard.practice.AnswerScorer;
import dev.cuecard.practice.PracticeHistory;
import dev.cuecard.practice.PracticeQuestion;
import dev.cuecard.practice.RoundPlanner;
import dev.cuecard.practice.RoundSetup;
import dev.cuecard.practice.RoundType;
import dev.cuecard.practice.Seniority;
import dev.cuecard.question.Category;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.SessionStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "The next round's questions (default: a drill on your weakest categories from past scores).")
final class PracticePlanCommand implements Callable<Integer> {
    @ParentCommand
    PracticeCommand practice;

    @Mixin
    SharedFlags.Json json;

    @Option(names = "--type", defaultValue = "drill", paramLabel = "TYPE",
            description = "screening, drill or full-loop (default: ${DEFAULT-VALUE})")
    String type;

    @Option(names = "--seniority", defaultValue = "mid", paramLabel = "LEVEL", description = "junior, mid or senior")
    String seniority;

    @Option(names = "--category", paramLabel = "ID", description = "drill this category instead of the weakest ones")
    String category;

    @Option(names = "--stack", paramLabel = "NAME", description = "java, python, go or node")
    String stack;

    @Option(names = "--job-description", paramLabel = "FILE", description = "weight questions towards what it names")
    Path jobDescription;

    @Option(names = "--resume", paramLabel = "FILE", description = "weight questions towards your experience")
    Path resume;

    /** A round longer than this is not a round. */
    static final int MAX_QUESTIONS = 50;

    @Option(names = "--questions", paramLabel = "N", description = "how many questions, 1 to 50 (default: by round type)")
    int questions;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private boolean questionsGiven() {
        return spec != null && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--questions");
    }

    @Option(names = "--seed", paramLabel = "N", description = "fix the random draw (reproducible plans)")
    Long seed;

    @Override
    public Integer call() {
        Cli cli = practice.cli;
        if (questions < 0 || questions > MAX_QUESTIONS || questionsGiven() && questions == 0) {
            throw new UserError("--questions must be 1 to " + MAX_QUESTIONS + " (got " + questions + ")", 2);
        }
        RoundType roundType = RoundType.fromId(type)
                .orElseThrow(() -> new UserError("--type must be screening, drill or full-loop (got '" + type + "')", 2));
        Seniority level = Seniority.fromId(seniority)
                .orElseThrow(() -> new UserError("--seniority must be junior, mid or senior (got '" + seniority + "')", 2));
        Optional<Category> focus = Optional.ofNullable(category).map(c -> Category.fromId(c.strip())
                .filter(x -> x != Category.NONE)
                .orElseThrow(() -> new UserError("unknown category '" + c + "'; the categories are: " + topicIds(), 2)));
        if (stack != null && !dev.cuecard.practice.RoundPlanner.knownStack(stack)) {
            // another name would quietly leave out every language-specific question
            throw new UserError("--stack must be java, python, go or node (got '" + stack + "')", 2);
        }
        TemplateLibrary templates = TemplateLibrary.load(Optional.of(AppPaths.from(cli.env()).templatesDir()));
        PracticeHistory history;
        try (SessionStore store = SessionStores.openForReading(cli)) {
            history = PracticeHistory.load(store, templates, AnswerScorer.shipped());
        }
        RoundSetup setup = new RoundSetup(roundType, level, focus, Optional.ofNullable(stack),
                read(jobDescription, "job description"), read(resume, "résumé"),
                roundType == RoundType.DRILL && focus.isEmpty(), questions);
        RoundPlanner planner = new RoundPlanner(templates, history);
        List<PracticeQuestion> plan = planner.plan(setup, seed == null ? new Random() : new Random(seed));
        Map<Category, Double> averages = history.averageByCategory();
        if (json.on) {
            ObjectNode n = new ObjectMapper().createObjectNode();
            n.put("type", roundType.id());
            n.put("seniority", level.id());
            ArrayNode weak = n.putArray("weakCategories");
            for (Category c : history.weakest()) {
                weak.addObject().put("category", c.id()).put("average", Math.round(averages.get(c) * 10) / 10.0);
            }
            ArrayNode qs = n.putArray("questions");
            for (PracticeQuestion q : plan) {
                qs.addObject().put("number", q.number()).put("question", q.text()).put("category", q.category().id())
                        .put("template", q.template().id());
            }
            cli.out().println(EventJson.write(n));
        } else {
            if (setup.weakTopics()) {
                cli.out().println(history.drillNote());
            }
            for (PracticeQuestion q : plan) {
                // questions and ids may come from the user's templates folder
                cli.out().printf(Locale.ROOT, "%2d. %s  [%s / %s]%n", q.number(), TerminalText.line(q.text()),
                        q.category().id(), TerminalText.line(q.template().id()));
            }
        }
        cli.out().flush();
        return 0;
    }

    private static String read(Path file, String what) {
        return file == null ? "" : UserFiles.readText(file, what);
    }

    private static String topicIds() {
        return String.join(", ", java.util.Arrays.stream(Category.topics()).map(Category::id).toList());
    }
}
