package dev.cuecard.session.debrief;

/** An answer's length against the 1–2 minute target for interview answers. */
public enum AnswerLength {
    NO_ANSWER,
    SHORT,
    ON_TARGET,
    LONG,
    /** A typed practice answer: it has words but no length in time. */
    TYPED;

    public static final long TARGET_MIN_MS = 60_000;
    public static final long TARGET_MAX_MS = 120_000;

    public static AnswerLength of(SpeakingMetrics answer) {
        if (answer.words() == 0) {
            return NO_ANSWER;
        }
        if (answer.typedOnly()) {
            return TYPED;
        }
        if (answer.spanMs() < TARGET_MIN_MS) {
            return SHORT;
        }
        return answer.spanMs() > TARGET_MAX_MS ? LONG : ON_TARGET;
    }

    public String label() {
        return switch (this) {
            case NO_ANSWER -> "no answer";
            case SHORT -> "short (< 1 min)";
            case ON_TARGET -> "on target (1–2 min)";
            case LONG -> "long (> 2 min)";
            case TYPED -> "typed (not timed)";
        };
    }
}
