package dev.cuecard.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Turns failures into one line on stderr; the stack trace goes to the log file only. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        if (ex instanceof UserError user) {
            cl.getErr().println("cuecard: " + TerminalText.line(user.getMessage()));
            cl.getErr().flush();
            return user.exitCode();
        }
        // the logger only now: made at start, it set up logging (~0.2 s) for every command, even --version
        Logger log = LoggerFactory.getLogger(ErrorHandler.class);
        if (ex instanceof dev.cuecard.session.SessionStoreException store) {
            // storage trouble (disk full, damaged or read-only database) is the user's to fix, not a bug
            log.warn("session database failure", ex);
            cl.getErr().println("cuecard: " + TerminalText.line(store.getMessage()));
            cl.getErr().flush();
            return 1;
        }
        log.error("unexpected failure", ex);
        cl.getErr().println("cuecard: unexpected error: " + TerminalText.line(String.valueOf(ex))
                + " (details in the log file; please report it)");
        cl.getErr().flush();
        return 70;
    }

    /** Bad options or arguments: the message and where to look, exit 2. */
    static final class BadUsage implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            // picocli quotes the argument, often a file name (a glob's match): shown escaped
            cl.getErr().println("cuecard: " + TerminalText.line(ex.getMessage()));
            // a misspelt command or option: picocli's "Did you mean: classify?"
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, cl.getErr());
            cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help'.");
            cl.getErr().flush();
            return 2;
        }
    }
}
