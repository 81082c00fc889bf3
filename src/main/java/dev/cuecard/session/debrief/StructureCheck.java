package dev.cuecard.session.debrief;

import java.util.List;

/**
 * The shape of an answer: STAR for behavioural questions, claim → reasoning → trade-off otherwise.
 *
 * @param inOrder the parts found appear in the expected order
 */
public record StructureCheck(String shape, List<Part> parts, boolean inOrder) {
    /** One part of the shape and the phrase that showed it (null when missing). */
    public record Part(String name, boolean found, String cue) {
    }

    public StructureCheck {
        parts = List.copyOf(parts);
    }

    public boolean complete() {
        return inOrder && parts.stream().allMatch(Part::found);
    }

    public List<String> missing() {
        return parts.stream().filter(p -> !p.found()).map(Part::name).toList();
    }
}
