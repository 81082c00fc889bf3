package dev.cuecard.session.debrief;

import java.util.List;

/** Whether an answer covered one key point of the template, and the key point's terms it used. */
public record KeyPointCoverage(String keyPoint, boolean covered, List<String> matchedTerms) {
    public KeyPointCoverage {
        matchedTerms = List.copyOf(matchedTerms);
    }
}
