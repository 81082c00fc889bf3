package dev.cuecard.session.debrief;

/** Speaking time of the two sides of the interview. */
public record TalkRatio(long meMs, long themMs) {

    /** The candidate's share of all speaking time, 0..1 (0 when nobody spoke). */
    public double meShare() {
        long total = meMs + themMs;
        return total == 0 ? 0 : (double) meMs / total;
    }
}
