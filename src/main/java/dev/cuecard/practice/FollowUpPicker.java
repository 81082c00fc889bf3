package dev.cuecard.practice;

import dev.cuecard.question.Template;
import dev.cuecard.question.TextNormalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The offline pushback: of the template's likely follow-ups, the one sharing most terms with the
 * key points the answer missed — the interviewer probes the gap. Ties go to the end of the list
 * matching the candidate's level (templates list follow-ups from basic to deep).
 */
public final class FollowUpPicker {
    private FollowUpPicker() {
    }

    public static Optional<String> pick(Template template, AnswerScore score, Seniority seniority) {
        return pick(template.card().followUps(), score.missedKeyPoints(), seniority);
    }

    /** Of a card's follow-ups, the one probing the key points missed (the live coach's "be ready for…"). */
    public static Optional<String> pick(List<String> followUps, List<String> missedKeyPoints, Seniority seniority) {
        if (followUps.isEmpty()) {
            return Optional.empty();
        }
        Set<String> gap = new HashSet<>();
        missedKeyPoints.forEach(k -> gap.addAll(terms(k)));
        String best = null;
        int bestOverlap = -1;
        for (int i = 0; i < followUps.size(); i++) {
            // juniors get the first of equally good follow-ups, seniors the last, mid-level the middle
            int index = switch (seniority) {
                case JUNIOR -> i;
                case SENIOR -> followUps.size() - 1 - i;
                case MID -> (followUps.size() / 2 + i) % followUps.size();
            };
            String f = followUps.get(index);
            Set<String> t = terms(f);
            t.retainAll(gap);
            if (t.size() > bestOverlap) {
                best = f;
                bestOverlap = t.size();
            }
        }
        return Optional.of(best);
    }

    private static Set<String> terms(String s) {
        return new HashSet<>(TextNormalizer.terms(TextNormalizer.normalize(s)));
    }
}
