package dev.cuecard.coverage;

import java.util.List;

/**
 * How well an answer covered one key point.
 *
 * @param cosine       best cosine between the key point and a window of the answer (0 without embeddings)
 * @param lexical      share of the key point's content words the answer used
 * @param matchedTerms those words
 * @param margin       how much better the best window matches this point than the card's other points
 * @param lexicalRule  the lexical rule alone (enough of the point's words said) holds
 * @param score        the evidence the threshold is applied to
 */
public record PointCoverage(String point, boolean covered, double score, double cosine, double lexical, double margin,
                            boolean lexicalRule, List<String> matchedTerms) {
    public PointCoverage {
        matchedTerms = List.copyOf(matchedTerms);
    }
}
