package dev.cuecard.session;

/** A key point the live coach ticked in the answer to question {@code seq}, and when (candidate audio ms). */
public record StoredCoverage(int seq, String point, long atMs) {
}
