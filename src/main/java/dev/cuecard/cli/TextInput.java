package dev.cuecard.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Arguments, or one item per non-blank line of standard input. */
final class TextInput {
    private TextInput() {
    }

    static List<String> argsOrLines(List<String> args, InputStream stdin) {
        if (args != null && !args.isEmpty()) {
            return args;
        }
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            return r.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (UncheckedIOException e) {
            throw new UserError("cannot read standard input: " + e.getMessage());
        }
    }

    static BufferedReader reader(InputStream stdin) {
        return new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    }

    static String readLine(BufferedReader r) {
        try {
            return r.readLine();
        } catch (IOException e) {
            throw new UserError("cannot read standard input: " + e.getMessage());
        }
    }
}
