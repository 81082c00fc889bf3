package dev.cuecard.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Reading standard input line by line, with a read failure as a one-line user error. */
final class TextInput {
    private TextInput() {
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
