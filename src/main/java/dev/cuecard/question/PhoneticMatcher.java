package dev.cuecard.question;

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
 * {@link #MIN_CODE} sounds take part. Pure and thread-safe after construction.
 */
public final class PhoneticMatcher {
    /** Codes this short ("KX" for cache and cash) would fire on ordinary speech. */
    static final int MIN_CODE = 4;
    static final int MAX_WORDS = 3;
    /** One heard word rarely is a misheard term ("coaching" is a word of its own); a term split in two often is. */
    static final int MIN_WORDS = Integer.getInteger("cuecard.phonetic.minWords", 2);
    private static final int MAX_CODE = 10;

    private final Map<String, List<String>> termsByCode = new HashMap<>();
    private final Set<String> terms = new LinkedHashSet<>();

    /** @param terms normalized technical terms (single spaces) */
    public PhoneticMatcher(Collection<String> terms) {
        for (String term : terms) {
            String code = code(term.replace(" ", ""));
            if (code.length() >= MIN_CODE) {
                termsByCode.computeIfAbsent(code, k -> new ArrayList<>()).add(term);
                this.terms.add(term);
            }
        }
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

    /** Terms that sound like a run of heard words but are not spelled out in the text, in text order. */
    public List<String> matches(String normalized) {
        List<String> words = TextNormalizer.words(normalized);
        String joined = " " + normalized + " ";
        Set<String> out = new LinkedHashSet<>();
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
                List<String> hits = termsByCode.get(code(run.toString()));
                if (hits != null) {
                    for (String t : hits) {
                        if (!joined.contains(" " + t + " ")) {
                            out.add(t);
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
