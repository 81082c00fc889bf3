package dev.cuecard.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code practice score|plan}: the mock-interview engine without the window. */
@Command(name = "practice", mixinStandardHelpOptions = true,
        description = "Mock-interview practice: score an answer, plan the next drill.",
        subcommands = {PracticeScoreCommand.class, PracticePlanCommand.class})
final class PracticeCommand implements Runnable {
    @ParentCommand
    Cli cli;

    @Override
    public void run() {
        throw new UserError("say what to do: practice score … or practice plan (see practice --help)", 2);
    }
}
