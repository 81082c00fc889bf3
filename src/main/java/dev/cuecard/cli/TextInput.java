package dev.cuecard.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Standard input, one item per line, each line capped: a 1 GB line without a newline is read in
 * pieces and only its first {@link #MAX_LINE_CHARS} characters are kept (with a warning), so it can
 * neither exhaust memory nor become a huge request.
 */
final class TextInput {
    /** The longest line used; a question or an utterance is a few hundred characters. */
    static final int MAX_LINE_CHARS = 10_000;

    private final BufferedReader in;
    private final Consumer<String> warn;
    private final int max;
    private int lineNumber;

    TextInput(InputStream stdin, Consumer<String> warn) {
        this(stdin, warn, MAX_LINE_CHARS);
    }

    TextInput(InputStream stdin, Consumer<String> warn, int max) {
        this.in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        this.warn = warn;
        this.max = max;
    }

    /** The next line (without its line break), at most {@code max} characters; null at the end. */
    String readLine() {
        StringBuilder line = new StringBuilder();
        long dropped = 0;
        try {
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (line.length() < max) {
                    line.append((char) c);
                } else {
                    dropped++;
                }
            }
            if (c < 0 && line.length() == 0 && dropped == 0) {
                return null;
            }
        } catch (IOException e) {
            throw new UserError("cannot read standard input: " + e.getMessage());
        }
        lineNumber++;
        if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        if (dropped > 0) {
            warn.accept("line " + lineNumber + " of standard input has " + (line.length() + dropped)
                    + " characters; only its first " + max + " are used");
        }
        return line.toString();
    }

    /** Caps one argument like a line of input. */
    static String capped(String text, String what, Consumer<String> warn) {
        if (text.length() <= MAX_LINE_CHARS) {
            return text;
        }
        warn.accept(what + " has " + text.length() + " characters; only its first " + MAX_LINE_CHARS + " are used");
        return text.substring(0, MAX_LINE_CHARS);
    }
}
