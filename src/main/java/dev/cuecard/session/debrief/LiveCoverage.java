package dev.cuecard.session.debrief;

import dev.cuecard.session.StoredAnswerEnd;
import dev.cuecard.session.StoredCoverage;
import java.util.List;
import java.util.Optional;

/**
 * What the live answer coach saw during one answer: the key points it ticked (with when) and, once
 * the answer ended, its delivery and the follow-up it expected. Empty for sessions without a
 * candidate channel or from before the coach.
 */
public record LiveCoverage(List<StoredCoverage> ticked, Optional<StoredAnswerEnd> end) {
    public static final LiveCoverage NONE = new LiveCoverage(List.of(), Optional.empty());
    /**
     * Said beside a point the coach ticked that the debrief did not find: the coach judged a window
     * of the answer as it was spoken, the debrief the whole answer; its verdict stands.
     */
    public static final String NOT_FOUND_AFTER = "ticked live during the answer, not found reading the whole answer";

    public LiveCoverage {
        ticked = List.copyOf(ticked);
    }

    public boolean recorded() {
        return !ticked.isEmpty() || end.isPresent();
    }

    public List<String> points() {
        return ticked.stream().map(StoredCoverage::point).toList();
    }
}
