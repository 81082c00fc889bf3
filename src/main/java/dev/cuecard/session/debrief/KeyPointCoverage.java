package dev.cuecard.session.debrief;

import java.util.List;

/**
 * Whether an answer covered one key point of the template, and the key point's terms it used.
 *
 * @param credit 1 when covered; for a point not covered, partial credit for how close the answer
 *               came by meaning (0 by words alone)
 */
public record KeyPointCoverage(String keyPoint, boolean covered, List<String> matchedTerms, double credit) {
    public KeyPointCoverage {
        matchedTerms = List.copyOf(matchedTerms);
    }

    public KeyPointCoverage(String keyPoint, boolean covered, List<String> matchedTerms) {
        this(keyPoint, covered, matchedTerms, covered ? 1 : 0);
    }
}
