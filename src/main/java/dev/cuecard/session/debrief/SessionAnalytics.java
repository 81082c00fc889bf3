package dev.cuecard.session.debrief;

/**
 * The candidate's speaking over a whole session.
 *
 * @param me       all of the candidate's speech
 * @param talk     speaking time of both sides
 * @param answered questions with an answer
 * @param onTarget answers of 1–2 minutes
 */
public record SessionAnalytics(SpeakingMetrics me, TalkRatio talk, int answered, int onTarget) {
}
