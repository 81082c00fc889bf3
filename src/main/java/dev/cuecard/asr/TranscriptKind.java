package dev.cuecard.asr;

/** A partial result may still change; a final one is settled. */
public enum TranscriptKind {
    PARTIAL,
    FINAL
}
