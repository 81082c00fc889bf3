package dev.cuecard.session.debrief;

import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.Category;
import dev.cuecard.question.TextNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rates an answer offline from its transcript. Recogniser text has no punctuation and mishears
 * terms, so key points match on light stems, prefixes, known mishearings ("cash" → cache) and
 * one-letter slips, and a key point counts as covered when enough of its words were said.
 */
public final class AnswerFeedbackRater {
    private static final List<Cue> CLAIM = cues("i would", "id use", "id go", "id start", "i think", "i believe",
            "i recommend", "i would choose", "my answer", "the short answer", "the answer is", "the key is",
            "my approach", "i prefer", "we should", "you should", "the main");
    private static final List<Cue> REASONING = cues("because", "since", "so that", "the reason", "which means",
            "that means", "this means", "that way", "this way", "in order to", "which gives", "that gives", "so we");
    private static final List<Cue> TRADE_OFF = cues("trade off", "tradeoff", "trade offs", "tradeoffs", "downside",
            "drawback", "on the other hand", "the cost", "at the cost", "however", "alternatively", "alternative",
            "instead", "the risk", "but it", "but the", "but you", "the catch", "versus");
    private static final List<Cue> SITUATION = cues("when i was", "at my last", "at my previous", "in my last",
            "in my previous", "we had", "there was", "the situation", "the project", "years ago", "last year", "once");
    private static final List<Cue> TASK = cues("my task", "my job was", "i was responsible", "i needed to", "i had to",
            "the goal", "my role", "i was asked", "we needed to", "we had to", "i was supposed");
    private static final List<Cue> ACTION = cues("i decided", "so i", "i started", "i proposed", "i built", "i wrote",
            "i talked", "i set up", "i organized", "i suggested", "i worked", "what i did", "i sat down", "i scheduled",
            "i asked", "i added", "i changed");
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

    private final AsrVocabulary vocabulary;

    public AnswerFeedbackRater(AsrVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** With the shipped list of known mishearings. */
    public static AnswerFeedbackRater shipped() {
        return new AnswerFeedbackRater(AsrVocabulary.shipped());
    }

    public AnswerFeedback rate(String answer, Category category, List<String> keyPoints) {
        String text = TextNormalizer.normalize(answer);
        Set<String> said = new LinkedHashSet<>();
        for (String w : TextNormalizer.words(vocabulary.apply(text))) {
            said.add(w);
            said.addAll(TextNormalizer.terms(w));
        }
        List<KeyPointCoverage> coverage = new ArrayList<>();
        for (String kp : keyPoints) {
            coverage.add(cover(kp, said));
        }
        return new AnswerFeedback(coverage, structure(text, category), numbers(text), found(text, EXAMPLES));
    }

    /**
     * Covered when 1 of a key point's 1–2 words, or 40 % (at least 2) of a longer one's, were said.
     * A word counts when its stem or itself is close to a word or stem said.
     */
    static KeyPointCoverage cover(String keyPoint, Set<String> said) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : TextNormalizer.words(TextNormalizer.normalize(keyPoint))) {
            if (w.length() >= 3 && !TextNormalizer.terms(w).isEmpty()) {
                words.add(w);
            }
        }
        List<String> matched = words.stream().filter(w -> {
            String stem = TextNormalizer.terms(w).get(0);
            return said.stream().anyMatch(s -> similar(w, s) || similar(stem, s));
        }).toList();
        int required = words.size() <= 2 ? 1 : Math.max(2, (int) Math.ceil(0.4 * words.size()));
        return new KeyPointCoverage(keyPoint, !words.isEmpty() && matched.size() >= required, matched);
    }

    /**
     * Same word; one a prefix of the other ("cach"/"caching", "invalid"/"invalidate"); or, for
     * words of 5+ letters, one letter apart, as the recogniser slips ("locking"/"lacking").
     */
    static boolean similar(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int shorter = Math.min(a.length(), b.length());
        if (shorter >= 4 && (a.startsWith(b) || b.startsWith(a)) && Math.abs(a.length() - b.length()) <= 3) {
            return true;
        }
        return shorter >= 5 && Math.abs(a.length() - b.length()) <= 1 && editDistance(a, b) <= 1;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    static StructureCheck structure(String text, Category category) {
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

    static List<String> numbers(String text) {
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
                best = new Hit(c.phrase(), m.start());
            }
        }
        return best;
    }

    private static List<Cue> cues(String... phrases) {
        List<Cue> out = new ArrayList<>();
        for (String p : phrases) {
            out.add(new Cue(p, Pattern.compile("\\b" + Pattern.quote(p) + "\\b")));
        }
        return out;
    }
}
