package dev.cuecard.question;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
    private static final String RESOURCE = "/dev/cuecard/templates/asr-vocabulary.yaml";

    /** One misheard phrase and the term it stands for. */
    record Rewrite(Pattern heard, String term) {
    }

    private final List<Rewrite> rewrites;
    /** Normalized term → the ways it was heard, as the recogniser writes them (lower case, apostrophes kept). */
    private final Map<String, List<String>> heardByTerm;

    private AsrVocabulary(List<Rewrite> rewrites, Map<String, List<String>> heardByTerm) {
        this.rewrites = rewrites;
        this.heardByTerm = heardByTerm;
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

    public static AsrVocabulary shipped() {
        try (InputStream in = AsrVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return empty();
            }
            FileDto dto = new ObjectMapper(new YAMLFactory()).readValue(in, FileDto.class);
            List<Rewrite> list = new ArrayList<>();
            Map<String, List<String>> heardByTerm = new LinkedHashMap<>();
            if (dto != null && dto.terms() != null) {
                for (Entry e : dto.terms()) {
                    if (e.term() == null || e.heard() == null) {
                        continue;
                    }
                    String term = TextNormalizer.normalize(e.term());
                    List<String> forms = heardByTerm.computeIfAbsent(term, k -> new ArrayList<>());
                    for (String h : e.heard()) {
                        forms.add(h.toLowerCase(java.util.Locale.ROOT).strip());
                        String heard = TextNormalizer.normalize(h);
                        if (!heard.isEmpty() && !heard.equals(term)) {
                            list.add(new Rewrite(Pattern.compile("\\b" + Pattern.quote(heard) + "\\b"), term));
                        }
                    }
                }
            }
            // longest phrases first so "no sequel" wins over "sequel"
            list.sort(Comparator.comparingInt((Rewrite r) -> r.heard().pattern().length()).reversed());
            return new AsrVocabulary(list, heardByTerm);
        } catch (IOException e) {
            throw new UncheckedIOException("shipped ASR vocabulary is broken", e);
        }
    }

    /**
     * Adds the term of every misheard phrase found in normalized text. The heard words stay: a
     * misheard phrase may also be a real one ("cash" in a payments question).
     */
    public String apply(String normalized) {
        StringBuilder t = new StringBuilder(normalized);
        for (Rewrite r : rewrites) {
            if (r.heard().matcher(normalized).find()) {
                t.append(' ').append(r.term());
            }
        }
        return t.toString();
    }

    public int size() {
        return rewrites.size();
    }

    /** The technical terms (normalized), each with the ways the recogniser was seen to write it. */
    public Map<String, List<String>> heardByTerm() {
        return java.util.Collections.unmodifiableMap(heardByTerm);
    }
}
