package dev.cuecard.question;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Technical terms and how the small speech model tends to mishear them ("rate later" for "rate
 * limiter", "cash" for "cache"). Applied to recogniser text before classification.
 */
public final class AsrVocabulary {
    static final String RESOURCE = "/dev/cuecard/templates/asr-vocabulary.yaml";

    /** One misheard phrase and the term it stands for. */
    record Rewrite(String phrase, Pattern heard, String term) {
        Rewrite(String phrase, String term) {
            this(phrase, Pattern.compile("\\b" + Pattern.quote(phrase) + "\\b"), term);
        }
    }

    private final List<Rewrite> rewrites;
    /** Normalized term → the ways it was heard, as the recogniser writes them (lower case, apostrophes kept). */
    private final Map<String, List<String>> heardByTerm;
    /** Heard phrase (normalized) → the indexes in {@link #rewrites} of the rewrites that look for it. */
    private final Map<String, int[]> rewritesByPhrase = new HashMap<>();
    /** The first word of every heard phrase: a run is looked up only from one of these. */
    private final java.util.Set<String> firstWords = new java.util.HashSet<>();
    /** The most words any heard phrase has. */
    private final int longestPhrase;

    private AsrVocabulary(List<Rewrite> rewrites, Map<String, List<String>> heardByTerm) {
        this.rewrites = rewrites;
        this.heardByTerm = heardByTerm;
        int longest = 0;
        for (int i = 0; i < rewrites.size(); i++) {
            String phrase = rewrites.get(i).phrase();
            int[] before = rewritesByPhrase.getOrDefault(phrase, new int[0]);
            int[] now = Arrays.copyOf(before, before.length + 1);
            now[before.length] = i;
            rewritesByPhrase.put(phrase, now);
            String[] words = phrase.split(" ");
            firstWords.add(words[0]);
            longest = Math.max(longest, words.length);
        }
        this.longestPhrase = longest;
    }

    public static AsrVocabulary empty() {
        return new AsrVocabulary(List.of(), Map.of());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String term, List<String> heard) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FileDto(List<Entry> terms) {
    }

    /** The shipped vocabulary (stored at build time, see {@link ShippedData}; else parsed from its YAML). */
    public static AsrVocabulary shipped() {
        return of(ShippedData.get().map(ShippedData.Data::vocabulary).orElseGet(AsrVocabulary::parseShipped));
    }

    /** The shipped YAML's entries that have a term and heard forms, in file order. */
    static List<Entry> parseShipped() {
        try (InputStream in = AsrVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return List.of();
            }
            FileDto dto = new ObjectMapper(new YAMLFactory()).readValue(in, FileDto.class);
            List<Entry> entries = new ArrayList<>();
            if (dto != null && dto.terms() != null) {
                for (Entry e : dto.terms()) {
                    if (e.term() != null && e.heard() != null && !e.heard().contains(null)) {
                        entries.add(new Entry(e.term(), List.copyOf(e.heard())));
                    }
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("shipped ASR vocabulary is broken", e);
        }
    }

    static AsrVocabulary of(List<Entry> entries) {
        List<Rewrite> list = new ArrayList<>();
        Map<String, List<String>> heardByTerm = new LinkedHashMap<>();
        for (Entry e : entries) {
            String term = TextNormalizer.normalize(e.term());
            List<String> forms = heardByTerm.computeIfAbsent(term, k -> new ArrayList<>());
            for (String h : e.heard()) {
                forms.add(h.toLowerCase(java.util.Locale.ROOT).strip());
                String heard = TextNormalizer.normalize(h);
                if (!heard.isEmpty() && !heard.equals(term)) {
                    list.add(new Rewrite(heard, term));
                }
            }
        }
        // longest phrases first so "no sequel" wins over "sequel"
        list.sort(Comparator.comparingInt((Rewrite r) -> r.heard().pattern().length()).reversed());
        return new AsrVocabulary(list, heardByTerm);
    }

    /**
     * Adds the term of every misheard phrase found in normalized text. The heard words stay: a
     * misheard phrase may also be a real one ("cash" in a payments question).
     */
    public String apply(String normalized) {
        return isNormalized(normalized) ? applyToNormalized(normalized) : applyByPattern(normalized);
    }

    /** {@link #apply} for text known to come from {@link TextNormalizer#normalize} (no check). */
    String applyToNormalized(String normalized) {
        // On normalized text (words of [a-z0-9] between single spaces) a phrase between word
        // boundaries is a run of whole words: look each run up instead of running every pattern.
        // Same result, same order (that of the rewrites) as applyByPattern, ~100x faster.
        boolean[] found = new boolean[rewrites.size()];
        boolean any = false;
        String[] words = normalized.isEmpty() ? new String[0] : normalized.split(" ");
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (!firstWords.contains(words[i])) {
                continue;
            }
            run.setLength(0);
            for (int n = 1; n <= longestPhrase && i + n <= words.length; n++) {
                if (n > 1) {
                    run.append(' ');
                }
                run.append(words[i + n - 1]);
                int[] hits = rewritesByPhrase.get(run.toString());
                if (hits != null) {
                    for (int h : hits) {
                        found[h] = true;
                    }
                    any = true;
                }
            }
        }
        if (!any) {
            return normalized;
        }
        StringBuilder t = new StringBuilder(normalized);
        for (int i = 0; i < found.length; i++) {
            if (found[i]) {
                t.append(' ').append(rewrites.get(i).term());
            }
        }
        return t.toString();
    }

    /** {@link #apply} by running every pattern: for any text (and the reference the fast path must equal). */
    String applyByPattern(String text) {
        StringBuilder t = new StringBuilder(text);
        for (Rewrite r : rewrites) {
            if (r.heard().matcher(text).find()) {
                t.append(' ').append(r.term());
            }
        }
        return t.toString();
    }

    /** What {@link TextNormalizer#normalize} gives: [a-z0-9] words between single spaces. */
    static boolean isNormalized(String s) {
        char previous = ' ';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!word && (c != ' ' || previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return previous != ' ' || s.isEmpty();
    }

    /** Every rewrite (phrase → term, in the order applied) and every term's heard forms, as lines: what a model learnt with it depends on. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Rewrite r : rewrites) {
            lines.add("rewrite\t" + r.phrase() + "\t" + r.term());
        }
        heardByTerm.forEach((term, heard) -> lines.add("heard\t" + term + "\t" + String.join("\t", heard)));
        return lines;
    }

    public int size() {
        return rewrites.size();
    }

    /** The technical terms (normalized), each with the ways the recogniser was seen to write it. */
    public Map<String, List<String>> heardByTerm() {
        return java.util.Collections.unmodifiableMap(heardByTerm);
    }
}
