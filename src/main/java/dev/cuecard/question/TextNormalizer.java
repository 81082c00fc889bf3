package dev.cuecard.question;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Makes typed text look like recogniser text (lower case, no punctuation) and splits it into terms. */
public final class TextNormalizer {
    /** Words that say nothing about the topic (question words are the detector's business). */
    static final Set<String> STOPWORDS = Set.copyOf(java.util.Arrays.asList(
            "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "from", "by", "with",
            "about", "as", "into", "over", "than", "then", "so", "that", "this", "these", "those", "there", "here",
            "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "done", "have",
            "has", "had", "having", "can", "could", "would", "should", "will", "shall", "may", "might", "must",
            "i", "me", "my", "we", "us", "our", "you", "your", "yours", "he", "she", "it", "its", "they", "them",
            "their", "what", "whats", "which", "who", "whom", "how", "why", "when", "where", "whether",
            "tell", "walk", "through", "explain", "describe", "talk", "let", "lets", "say", "go", "going", "get",
            "okay", "ok", "so", "um", "uh", "like", "just", "really", "very", "kind", "sort", "maybe", "some",
            "any", "all", "one", "thing", "things", "way", "ways", "use", "using", "used", "make", "would",
            "think", "know", "mean", "right", "well", "now", "also", "it's", "not", "no", "yes", "yeah",
            "want", "wanted", "curious", "approach", "work", "works", "working", "happen", "happens", "give",
            "example", "case", "imagine", "suppose", "bit", "little", "lot", "more", "most", "each", "other",
            "something", "someone", "time", "first", "next", "question", "questions"));

    private TextNormalizer() {
    }

    /** Lower case, accents and punctuation gone, digits kept, single spaces. */
    public static String normalize(String text) {
        // plain ASCII (what recognisers write, and most typed text) in one pass: the same result as
        // the general way below, which runs a Unicode decomposition and two regular expressions
        StringBuilder b = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return normalizeAnyText(text);
            }
            if (c == '\'') {
                continue;
            }
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
                if (gap && b.length() > 0) {
                    b.append(' ');
                }
                gap = false;
                b.append(lower);
            } else {
                gap = true;
            }
        }
        return b.toString();
    }

    /** {@link #normalize} for any text: accents decomposed and dropped. */
    static String normalizeAnyText(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        t = t.toLowerCase(Locale.ROOT).replace("'", "");
        t = t.replaceAll("[^a-z0-9]+", " ");
        return t.strip();
    }

    public static List<String> words(String normalized) {
        if (normalized.isEmpty()) {
            return List.of();
        }
        return List.of(normalized.split(" "));
    }

    /** Topic terms: normalized words without stopwords, lightly stemmed. */
    public static List<String> terms(String normalized) {
        List<String> out = new ArrayList<>();
        for (String w : words(normalized)) {
            if (!STOPWORDS.contains(w)) {
                out.add(stem(w));
            }
        }
        return out;
    }

    /** A deliberately light suffix stripper: enough to join "caches/caching/cached" to "cach". */
    static String stem(String w) {
        if (w.length() <= 4) {
            return w;
        }
        for (String suffix : new String[] {"ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "es", "ed",
                "ly", "s"}) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) {
                String base = w.substring(0, w.length() - suffix.length());
                return suffix.equals("ies") || suffix.equals("ied") ? base + "y" : base;
            }
        }
        return w;
    }
}
