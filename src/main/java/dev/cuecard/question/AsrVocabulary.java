package dev.cuecard.question;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    private AsrVocabulary(List<Rewrite> rewrites) {
        this.rewrites = rewrites;
    }

    public static AsrVocabulary empty() {
        return new AsrVocabulary(List.of());
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
            if (dto != null && dto.terms() != null) {
                for (Entry e : dto.terms()) {
                    if (e.term() == null || e.heard() == null) {
                        continue;
                    }
                    String term = TextNormalizer.normalize(e.term());
                    for (String h : e.heard()) {
                        String heard = TextNormalizer.normalize(h);
                        if (!heard.isEmpty() && !heard.equals(term)) {
                            list.add(new Rewrite(Pattern.compile("\\b" + Pattern.quote(heard) + "\\b"), term));
                        }
                    }
                }
            }
            // longest phrases first so "no sequel" wins over "sequel"
            list.sort(Comparator.comparingInt((Rewrite r) -> r.heard().pattern().length()).reversed());
            return new AsrVocabulary(list);
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
}
