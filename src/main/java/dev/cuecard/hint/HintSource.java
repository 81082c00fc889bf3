package dev.cuecard.hint;

import java.util.Locale;

/** Where a hint came from. */
public enum HintSource {
    TEMPLATE,
    LLM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
