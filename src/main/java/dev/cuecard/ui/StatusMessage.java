package dev.cuecard.ui;

import java.time.LocalTime;

/** One message for the user's status area: what happened, how serious it is, and when. */
public record StatusMessage(Severity severity, String text, LocalTime at) {
    /** How a message is shown: errors and warnings stand out until something replaces them. */
    public enum Severity {
        INFO, SUCCESS, WARNING, ERROR;

        String styleClass() {
            return "status-" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static StatusMessage info(String text) {
        return new StatusMessage(Severity.INFO, text, LocalTime.now());
    }

    public static StatusMessage success(String text) {
        return new StatusMessage(Severity.SUCCESS, text, LocalTime.now());
    }

    public static StatusMessage warning(String text) {
        return new StatusMessage(Severity.WARNING, text, LocalTime.now());
    }

    public static StatusMessage error(String text) {
        return new StatusMessage(Severity.ERROR, text, LocalTime.now());
    }
}
