package dev.cuecard.session.debrief;

import dev.cuecard.coverage.PointCoverage;
import dev.cuecard.coverage.SemanticCoverage;
import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.Category;
import dev.cuecard.question.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rates an answer offline from its transcript: key points by {@link SemanticCoverage} (meaning
 * plus the key point's words, tolerant of recogniser text), the shape of the answer, figures and
 * examples.
 */
public final class AnswerFeedbackRater {
    private static final List<Cue> CLAIM = cues("i would", "id use", "id go", "id start", "i think", "i believe",
            "i recommend", "i would choose", "my answer", "the short answer", "the answer is", "the key is",
            "my approach", "i prefer", "we should", "you should", "the main", "you can", "we can", "one way",
            "the way to", "the best way", "the fix is", "the solution is", "i always", "i usually");
    private static final List<Cue> REASONING = cues("because", "since", "so that", "the reason", "which means",
            "that means", "this means", "that way", "this way", "in order to", "which gives", "that gives", "so we",
            "so there", "so it", "so the", "so no", "so nothing", "thats why", "that is why", "due to", "otherwise",
            "which avoids", "which prevents", "this ensures", "that ensures", "which ensures");
    private static final List<Cue> TRADE_OFF = cues("trade off", "tradeoff", "trade offs", "tradeoffs", "downside",
            "drawback", "on the other hand", "the cost", "at the cost", "however", "alternatively", "alternative",
            "instead", "the risk", "but it", "but the", "but you", "the catch", "versus", "unless", "the problem is",
            "at the expense", "the price");
    private static final List<Cue> SITUATION = cues("when i was", "at my last", "at my previous", "in my last",
            "in my previous", "we had", "there was", "the situation", "the project", "years ago", "last year", "once");
    private static final List<Cue> TASK = cues("my task", "my job was", "i was responsible", "i needed to", "i had to",
            "the goal", "my role", "i was asked", "we needed to", "we had to", "i was supposed");
    private static final List<Cue> ACTION = withPattern(cues("i decided", "so i", "i started", "i proposed", "i built",
            "i wrote", "i talked", "i set up", "i organized", "i suggested", "i worked", "what i did", "i sat down",
            "i scheduled", "i asked", "i added", "i changed"), "I + a verb in the past",
            // what the candidate did, in their own words: "i traced…", "i then migrated…", "i led…" — any
            // regular past tense, or a common irregular one; not wishes, needs or what they learned
            "\\bi (?:then |also |first |quickly |personally |finally |just )?(?!(?:needed|wanted|learned|joined|liked"
            + "|loved|hoped|used|supposed|expected|guessed|assumed|believed|felt|heard|was|had|did not|didnt"
            // present tenses that end in "ed": "i need to…" is no more an action than "i needed"
            + "|need|feed|proceed|succeed|exceed|embed|speed|bleed|breed|seed|heed|shred|bed|wed)\\b)"
            + "(?:[a-z]{2,}ed|built|wrote|made|took|led|ran|set|found|got|spent|went|told|brought|sent|met|put|kept"
            + "|drove|chose|began|gave|rewrote|broke|caught|dug|paid|taught|thought|sought|split|cut|shipped|fixed"
            + "|stepped|dropped|mapped|pushed|pulled)\\b");
    private static final List<Cue> RESULT = cues("as a result", "in the end", "the result", "the outcome", "reduced",
            "improved", "increased", "we shipped", "saved", "i learned", "learned", "ended up", "since then");
    private static final List<Cue> EXAMPLES = cues("for example", "for instance", "such as", "e g", "at my last",
            "in my last", "at my previous", "in my previous", "in production", "in one case", "we once", "last year",
            "on my team", "at my company");
    private static final Pattern NUMBER = Pattern.compile("\\b(\\d+(?:\\s\\d+)*(?:\\s(?:percent|ms|milliseconds|seconds|"
            + "minutes|hours|days|requests|users|gb|mb|tb|k|x))?|(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|"
            + "twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)\\s?)+"
            + "(?:percent|milliseconds|seconds|minutes|hours|days|requests|users|gigabytes|megabytes|terabytes|times)?"
            + "|twice|double|half|percent)\\b");

    private final Supplier<SemanticCoverage> coverage;

    /** Key points by their words only (no embedding model: cheap enough for any thread). */
    public AnswerFeedbackRater(AsrVocabulary vocabulary) {
        SemanticCoverage lexical = SemanticCoverage.lexical(vocabulary);
        this.coverage = () -> lexical;
    }

    public AnswerFeedbackRater(SemanticCoverage coverage) {
        this.coverage = () -> coverage;
    }

    private AnswerFeedbackRater(Supplier<SemanticCoverage> coverage) {
        this.coverage = coverage;
    }

    /** With the shipped list of known mishearings, key points by their words only. */
    public static AnswerFeedbackRater shipped() {
        return new AnswerFeedbackRater(AsrVocabulary.shipped());
    }

    /**
     * Key points by meaning (the shipped sentence embeddings, loaded at the first rating, so not
     * on the FX thread), as the live coach ticks them; words only when the model cannot load.
     */
    public static AnswerFeedbackRater semantic() {
        return new AnswerFeedbackRater(SemanticCoverage::shipped);
    }

    /**
     * Said wherever a debrief is shown (the CLI on standard error, the debrief window in its status
     * line) when the key points were judged by their words because the sentence model did not load,
     * and the reason is not known; {@link #wordsOnly()} says the reason when it is.
     */
    public static final String WORDS_ONLY = "key points judged by their words only: the sentence model is not "
            + "available";

    /**
     * The line to say when key points are judged by their words, with why the sentence model did not
     * load; empty when judged by meaning. May wait for the model: not on the FX thread.
     */
    public java.util.Optional<String> wordsOnly() {
        SemanticCoverage c = coverage.get();
        return c.semantic() ? java.util.Optional.empty()
                : java.util.Optional.of(c.withoutModel().map(why -> "key points judged by their words only (" + why + ")")
                .orElse(WORDS_ONLY));
    }

    /**
     * The request's feedback with its key points listed but not judged (none covered, no credit):
     * the rest of the feedback is quick, so a window shows it while the key points are judged.
     */
    public static AnswerFeedback unjudged(Request r) {
        String text = TextNormalizer.normalize(r.answer());
        List<KeyPointCoverage> points = r.keyPoints().stream()
                .map(p -> new KeyPointCoverage(p, false, List.of(), 0)).toList();
        return new AnswerFeedback(points, structure(text, r.category()), numbers(text), found(text, EXAMPLES));
    }

    /** One answer to rate: its transcript, the question's category and the card's key points. */
    public record Request(String answer, Category category, List<String> keyPoints) {
        public Request {
            keyPoints = List.copyOf(keyPoints);
        }
    }

    /**
     * {@link #rate} of every request, in order, with the same results: by meaning the answers are
     * rated side by side, one thread per core, and the evidence is kept for the next time
     * ({@link SemanticCoverage#coverAll}) — an hour's interview is ~15,000 windows of a few ms each.
     */
    public List<AnswerFeedback> rateAll(List<Request> requests) {
        return rateAll(requests, Runtime.getRuntime().availableProcessors());
    }

    List<AnswerFeedback> rateAll(List<Request> requests, int threads) {
        SemanticCoverage c = coverage.get();
        List<List<PointCoverage>> covered = c.coverAll(requests.stream()
                .map(r -> new SemanticCoverage.Job(r.keyPoints(), r.answer())).toList(), threads);
        List<AnswerFeedback> out = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            out.add(feedback(c, requests.get(i), covered.get(i)));
        }
        return out;
    }

    public AnswerFeedback rate(String answer, Category category, List<String> keyPoints) {
        SemanticCoverage c = coverage.get();
        return feedback(c, new Request(answer, category, keyPoints), c.cover(keyPoints, answer));
    }

    private static AnswerFeedback feedback(SemanticCoverage c, Request r, List<PointCoverage> points) {
        String text = TextNormalizer.normalize(r.answer());
        List<KeyPointCoverage> covered = new ArrayList<>();
        for (PointCoverage p : points) {
            covered.add(new KeyPointCoverage(p.point(), p.covered(), p.matchedTerms(), credit(c, p)));
        }
        return new AnswerFeedback(covered, structure(text, r.category()), numbers(text), found(text, EXAMPLES));
    }

    /**
     * A key point not covered earns partial credit by how close the answer came by meaning: from 0
     * at this score up to {@link #PARTIAL_MAX} just below the threshold (chosen on the original
     * practice calibration set; the held-out set is reported in BENCHMARKS.md).
     */
    static final double PARTIAL_FROM = 0.45;
    public static final double PARTIAL_MAX = 0.5;

    /**
     * How close an answer came to one item by meaning, 0–1: 1 when covered, else the partial
     * credit's ramp without its {@link #PARTIAL_MAX} cap (0 by words alone). The practice rubric
     * credits the card's gist this way: a shallow answer states the core loosely.
     */
    public static double closeness(KeyPointCoverage k) {
        return k.covered() ? 1 : Math.min(1, k.credit() / PARTIAL_MAX);
    }

    static double credit(SemanticCoverage c, PointCoverage p) {
        if (p.covered()) {
            return 1;
        }
        if (!c.semantic()) {
            return 0;
        }
        double t = c.params().threshold();
        return PARTIAL_MAX * Math.max(0, Math.min(1, (p.score() - PARTIAL_FROM) / (t - PARTIAL_FROM)));
    }

    /** The shape of a normalised answer text. */
    public static StructureCheck structure(String text, Category category) {
        if (category == Category.BEHAVIORAL) {
            return check("STAR", text, List.of("situation", "task", "action", "result"),
                    List.of(SITUATION, TASK, ACTION, RESULT));
        }
        return check("claim → reasoning → trade-off", text, List.of("claim", "reasoning", "trade-off"),
                List.of(CLAIM, REASONING, TRADE_OFF));
    }

    private static StructureCheck check(String shape, String text, List<String> names, List<List<Cue>> cues) {
        List<StructureCheck.Part> parts = new ArrayList<>();
        int lastPosition = -1;
        boolean inOrder = true;
        for (int i = 0; i < names.size(); i++) {
            Hit hit = first(text, cues.get(i), Math.max(0, lastPosition));
            if (hit == null) {
                hit = first(text, cues.get(i), 0);
                if (hit != null) {
                    inOrder = false;
                }
            }
            parts.add(new StructureCheck.Part(names.get(i), hit != null, hit == null ? null : hit.phrase()));
            if (hit != null) {
                lastPosition = Math.max(lastPosition, hit.at());
            }
        }
        return new StructureCheck(shape, parts, inOrder);
    }

    /** Figures said in a normalised answer text. */
    public static List<String> numbers(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(m.group().strip());
        }
        return out;
    }

    private static List<String> found(String text, List<Cue> cues) {
        return cues.stream().filter(c -> c.pattern().matcher(text).find()).map(Cue::phrase).toList();
    }

    private record Cue(String phrase, Pattern pattern) {
    }

    private record Hit(String phrase, int at) {
    }

    private static Hit first(String text, List<Cue> cues, int from) {
        Hit best = null;
        for (Cue c : cues) {
            Matcher m = c.pattern().matcher(text);
            if (m.find(from) && (best == null || m.start() < best.at())) {
                best = new Hit(m.group(), m.start()); // the words said (a pattern cue has no one phrase)
            }
        }
        return best;
    }

    /** {@code cues} and one more cue, a regular expression named {@code phrase} in feedback. */
    private static List<Cue> withPattern(List<Cue> cues, String phrase, String regex) {
        List<Cue> out = new ArrayList<>(cues);
        out.add(new Cue(phrase, Pattern.compile(regex)));
        return List.copyOf(out);
    }

    private static List<Cue> cues(String... phrases) {
        List<Cue> out = new ArrayList<>();
        for (String p : phrases) {
            out.add(new Cue(p, Pattern.compile("\\b" + Pattern.quote(p) + "\\b")));
        }
        return out;
    }
}
