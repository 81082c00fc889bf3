package dev.cuecard.question;

/** Why the tracker showed or changed a card; stored with the session so a debrief can explain it. */
public enum DecisionReason {
    STABLE_PARTIALS("two growing partials agreed"),
    SURE_PARTIAL("one partial matched with high confidence"),
    STABLE_CATEGORY("growing partials agreed on the topic with high confidence"),
    PAUSE("the interviewer paused after a question"),
    FINAL("the utterance ended"),
    ASKED("asked for a card"),
    STRONGER_PARTIAL("refined: a stronger match while the question was spoken"),
    STRONGER_FINAL("refined: the whole utterance matched more strongly"),
    WHOLE_QUESTION("refined: the whole question read another topic than its first words");

    private final String description;

    DecisionReason(String description) {
        this.description = description;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String description() {
        return description;
    }
}
