package dev.cuecard.cli;

import dev.cuecard.session.SearchHit;
import dev.cuecard.session.SessionDetail;
import dev.cuecard.session.SessionStore;
import dev.cuecard.session.SessionStoreException;
import dev.cuecard.session.SessionSummary;
import dev.cuecard.session.debrief.Debrief;
import dev.cuecard.session.debrief.MarkdownExport;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code debrief list|show|export|search|delete}: the stored sessions. */
@Command(name = "debrief", mixinStandardHelpOptions = true,
        description = "Stored sessions: list, review, export to Markdown, search, delete.",
        subcommands = {DebriefCommand.ListSessions.class, DebriefCommand.Show.class, DebriefCommand.Export.class,
                DebriefCommand.Search.class, DebriefCommand.Delete.class, DebriefReviewCommand.class})
final class DebriefCommand implements Runnable {
    @ParentCommand
    Cli cli;

    @Override
    public void run() {
        throw new UserError("say what to do: debrief list|show|export|search|review|delete (see 'cuecard debrief --help')", 2);
    }

    Debrief debrief(SessionStore store, long id) {
        SessionDetail detail = store.load(id).orElseThrow(() -> new UserError("no session " + id
                + " (see 'cuecard debrief list')"));
        dev.cuecard.session.debrief.DebriefBuilder builder = SessionStores.debriefs(cli);
        Debrief d = builder.build(detail);
        builder.wordsOnly().ifPresent(cli::warn);
        return d;
    }

    /** Runs a command body that changes what is stored, turning database failures into one line. */
    <T> T withStore(java.util.function.Function<SessionStore, T> body) {
        try (SessionStore store = SessionStores.open(cli)) {
            return body.apply(store);
        } catch (SessionStoreException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** As {@link #withStore} for a body that only reads: a store that cannot be written is read read-only. */
    <T> T reading(java.util.function.Function<SessionStore, T> body) {
        try (SessionStore store = SessionStores.openForReading(cli)) {
            return body.apply(store);
        } catch (SessionStoreException e) {
            throw new UserError(e.getMessage());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Stored sessions, newest first.")
    static final class ListSessions implements Callable<Integer> {
        @ParentCommand
        DebriefCommand parent;

        @Mixin
        SharedFlags.Json json;

        @Override
        public Integer call() {
            List<SessionSummary> sessions = parent.reading(SessionStore::list);
            PrintWriter out = parent.cli.out();
            for (SessionSummary s : sessions) {
                out.println(json.on ? DebriefJson.summary(s) : DebriefText.summary(s));
            }
            if (sessions.isEmpty() && !json.on) {
                out.println("no stored sessions yet (a replay or a live session stores one)");
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "A session's questions, hints, answers, feedback and speaking analytics.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        DebriefCommand parent;

        @Parameters(paramLabel = "ID")
        long id;

        @Mixin
        SharedFlags.Json json;

        @Override
        public Integer call() {
            Debrief d = parent.reading(store -> parent.debrief(store, id));
            parent.cli.out().println(json.on ? DebriefJson.debrief(d) : DebriefText.debrief(d));
            parent.cli.out().flush();
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "A session as Markdown on standard output.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        DebriefCommand parent;

        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            Debrief d = parent.reading(store -> parent.debrief(store, id));
            parent.cli.out().print(new MarkdownExport(ZoneId.systemDefault()).render(d));
            parent.cli.out().flush();
            return 0;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Everything said and every hint, across sessions; every word must occur.")
    static final class Search implements Callable<Integer> {
        @ParentCommand
        DebriefCommand parent;

        @Parameters(paramLabel = "WORDS", arity = "1..*")
        List<String> words;

        @Mixin
        SharedFlags.Json json;

        @Option(names = "--limit", defaultValue = "50", description = "at most this many hits (default: ${DEFAULT-VALUE})")
        int limit;

        @Override
        public Integer call() {
            if (limit < 1 || limit > 10_000) {
                throw new UserError("--limit must be 1 to 10000 (got " + limit + ")", 2);
            }
            if (String.join(" ", words).isBlank()) {
                throw new UserError("the search is empty: give the words to find (cuecard debrief search cache "
                        + "stampede)", 2);
            }
            // one more than shown: whether the list was cut is said, not left to guess (QA: 50 lines of a common
            // word, all from the newest session, read as everything there was)
            List<SearchHit> found = parent.reading(s -> s.search(String.join(" ", words), OptionalLong.empty(), limit + 1));
            List<SearchHit> hits = found.size() > limit ? found.subList(0, limit) : found;
            PrintWriter out = parent.cli.out();
            for (SearchHit h : hits) {
                out.println(json.on ? DebriefJson.hit(h) : DebriefText.hit(h));
            }
            out.flush();
            if (found.size() > limit) {
                parent.cli.err().println("cuecard: more hits than the " + limit + " shown (newest sessions first); "
                        + "add a word to narrow the search, or raise --limit");
                parent.cli.err().flush();
            }
            if (hits.isEmpty() && !json.on) {
                // like grep: exit 1 when nothing matches, but said, not silent
                parent.cli.err().println("cuecard: no stored session has all of: " + TerminalText.line(String.join(" ", words)));
                return 1;
            }
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a session (or --all: every session) with every trace of it.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        DebriefCommand parent;

        @Parameters(paramLabel = "ID", arity = "0..1")
        Long id;

        @Option(names = "--all", description = "delete all stored sessions")
        boolean all;

        @Override
        public Integer call() {
            if (all == (id != null)) {
                throw new UserError("give a session ID or --all", 2);
            }
            PrintWriter out = parent.cli.out();
            if (all) {
                int[] deletedAndKept = parent.withStore(s -> {
                    int n = s.deleteAll();
                    return new int[] {n, s.list().size()};
                });
                int n = deletedAndKept[0];
                dev.cuecard.coverage.SemanticCoverage.forgetKept();
                out.println("deleted " + n + " session" + (n == 1 ? "" : "s"));
                if (deletedAndKept[1] > 0) {
                    parent.cli.warn(deletedAndKept[1] + " session" + (deletedAndKept[1] == 1 ? " is" : "s are")
                            + " being recorded right now and " + (deletedAndKept[1] == 1 ? "was" : "were")
                            + " kept; delete " + (deletedAndKept[1] == 1 ? "it" : "them") + " once the recording has stopped");
                }
            } else {
                boolean deleted;
                try {
                    deleted = parent.withStore(s -> s.delete(id));
                } catch (dev.cuecard.session.SessionRecordingException e) {
                    throw new UserError(e.getMessage());
                }
                if (!deleted) {
                    throw new UserError("no session " + id + " (see 'cuecard debrief list')");
                }
                dev.cuecard.coverage.SemanticCoverage.forgetKept();
                out.println("deleted session " + id);
            }
            out.flush();
            return 0;
        }
    }
}
