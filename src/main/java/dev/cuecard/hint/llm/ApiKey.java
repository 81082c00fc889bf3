package dev.cuecard.hint.llm;

/**
 * The endpoint's API key. Its {@code toString} never shows it, so a config printed or logged by
 * mistake cannot leak it; only the HTTP client gets the value.
 */
public final class ApiKey {
    private final String value;

    ApiKey(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    /** Removes the key (and its tail, as servers echo e.g. "sk-...abcd") from text meant for logs. */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text.replace(value, "***");
        if (value.length() >= 12) {
            out = out.replace(value.substring(value.length() - 4), "***");
        }
        return out;
    }

    @Override
    public String toString() {
        return "ApiKey[***]";
    }
}
