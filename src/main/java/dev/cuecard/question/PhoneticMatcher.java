package dev.cuecard.question;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Finds technical terms the recogniser wrote as other words that sound alike ("idea impotent" for
 * idempotent, "sharing" for sharding) without listing every mishearing by hand: the Double
 * Metaphone code of each run of one to three heard words is compared with the codes of the terms.
 * Short codes match too many ordinary words, so only terms whose code has at least
 * {@link #MIN_CODE} sounds take part; and runs that people write in their own meaning
 * ({@link #ORDINARY_RESOURCE}: "look for" sounds like lock free, "feel free" like failover, "two
 * million" like timeline) are never read as a term. Pure and thread-safe after construction.
 */
public final class PhoneticMatcher {
    /** Codes this short ("KX" for cache and cash) would fire on ordinary speech. */
    static final int MIN_CODE = 4;
    static final int MAX_WORDS = 3;
    /** One heard word rarely is a misheard term ("coaching" is a word of its own); a term split in two often is. */
    static final int MIN_WORDS = Integer.getInteger("cuecard.phonetic.minWords", 2);
    private static final int MAX_CODE = 10;
    /**
     * Runs of words that sound like a term yet appear, typed, in the labelled interviewer lines without
     * that term (made by {@code PhoneticOrdinaryRuns} from the dev split; a test keeps it current).
     */
    static final String ORDINARY_RESOURCE = "/dev/cuecard/question/phonetic-ordinary.txt";
    /** Ablation switch: {@code -Dcuecard.phonetic.ordinary=false} reads every sound-alike run as its term (as before). */
    static final boolean SKIP_ORDINARY = Boolean.parseBoolean(System.getProperty("cuecard.phonetic.ordinary", "true"));

    /** A run of heard words and the term it sounds like. */
    record Hit(String run, String term) {
    }

    private final Map<String, List<String>> termsByCode = new HashMap<>();
    private final Set<String> terms = new LinkedHashSet<>();
    private final Set<String> ordinary;

    /** @param terms normalized technical terms (single spaces) */
    public PhoneticMatcher(Collection<String> terms) {
        this(terms, SKIP_ORDINARY ? Ordinary.RUNS : Set.of());
    }

    /** @param ordinary runs (normalized words, single spaces) never read as a term */
    PhoneticMatcher(Collection<String> terms, Set<String> ordinary) {
        for (String term : terms) {
            String code = code(term.replace(" ", ""));
            if (code.length() >= MIN_CODE) {
                termsByCode.computeIfAbsent(code, k -> new ArrayList<>()).add(term);
                this.terms.add(term);
            }
        }
        this.ordinary = Set.copyOf(ordinary);
    }

    private static String code(String word) {
        DoubleMetaphone dm = new DoubleMetaphone();
        dm.setMaxCodeLen(MAX_CODE);
        String c = dm.doubleMetaphone(word);
        return c == null ? "" : c;
    }

    public int size() {
        return terms.size();
    }

    /** The shipped ordinary runs every matcher skips (unless switched off), sorted: for the category model's training hash. */
    static List<String> shippedOrdinaryRuns() {
        return Ordinary.RUNS.stream().sorted().toList();
    }

    /** Terms that sound like a run of heard words but are not spelled out in the text, in text order. */
    public List<String> matches(String normalized) {
        Set<String> out = new LinkedHashSet<>();
        for (Hit h : hits(normalized)) {
            if (!ordinary.contains(h.run())) {
                out.add(h.term());
            }
        }
        return List.copyOf(out);
    }

    /** Every run that sounds like a term not spelled out in the text, ordinary runs included, in text order. */
    List<Hit> hits(String normalized) {
        List<String> words = TextNormalizer.words(normalized);
        String joined = " " + normalized + " ";
        List<Hit> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            StringBuilder run = new StringBuilder();
            for (int n = 1; n <= MAX_WORDS && i + n <= words.size(); n++) {
                String w = words.get(i + n - 1);
                run.append(w);
                if (n == 1 && TextNormalizer.STOPWORDS.contains(w)) {
                    break; // a run that starts on "the", "a", "for" is never a term's first sound
                }
                if (n < MIN_WORDS) {
                    continue;
                }
                List<String> found = termsByCode.get(code(run.toString()));
                if (found != null) {
                    String runWords = String.join(" ", words.subList(i, i + n));
                    for (String t : found) {
                        if (!joined.contains(" " + t + " ")) {
                            out.add(new Hit(runWords, t));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Holder: the shipped ordinary runs, read on first use. */
    private static final class Ordinary {
        static final Set<String> RUNS = read();

        private static Set<String> read() {
            try (InputStream in = PhoneticMatcher.class.getResourceAsStream(ORDINARY_RESOURCE)) {
                if (in == null) {
                    return Set.of();
                }
                Set<String> runs = new LinkedHashSet<>();
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        runs.add(line.strip());
                    }
                }
                return Set.copyOf(runs);
            } catch (IOException e) {
                throw new UncheckedIOException("the shipped phonetic exceptions are unreadable", e);
            }
        }
    }
}
