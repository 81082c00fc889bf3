package dev.cuecard.question;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The domain vocabulary: the terms of the misheard-term list and every template keyword. Feeds the
 * phonetic matcher and the recogniser's keyword spotter (as phrases it may listen for).
 */
public final class TechnicalTerms {
    private final Set<String> terms = new LinkedHashSet<>();
    private final Map<String, String> spokenForms = new LinkedHashMap<>();

    public TechnicalTerms(TemplateLibrary library, AsrVocabulary vocabulary) {
        vocabulary.heardByTerm().forEach((term, heard) -> {
            add(term);
            for (String h : heard) {
                spokenForms.putIfAbsent(h, term);
            }
        });
        for (Template t : library.all()) {
            for (String k : t.keywords()) {
                add(TextNormalizer.normalize(k));
            }
        }
    }

    private void add(String term) {
        if (!term.isEmpty()) {
            terms.add(term);
            spokenForms.putIfAbsent(term, term);
        }
    }

    /** Normalized terms, each once. */
    public Set<String> terms() {
        return Set.copyOf(terms);
    }

    /**
     * Phrase as a recogniser would write it → the term it stands for: each term as itself, plus each
     * way it was seen misheard. The spotter keeps the phrases its model can say.
     */
    public Map<String, String> spokenForms() {
        return Map.copyOf(spokenForms);
    }

    public List<String> termList() {
        return List.copyOf(terms);
    }
}
