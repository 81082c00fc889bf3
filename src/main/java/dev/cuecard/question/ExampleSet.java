package dev.cuecard.question;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The shipped labelled utterances ({@code question/examples.tsv}) the category model learns from. */
final class ExampleSet {
    /** One labelled utterance. */
    record Labelled(Category category, String text, String templateId) {
        Labelled(Category category, String text) {
            this(category, text, null);
        }
    }

    private ExampleSet() {
    }

    /**
     * The shipped examples, read once per process: the lexical and the semantic side each need them
     * while they load side by side at start-up (the second waits for the first instead of reading
     * the file again).
     */
    static List<Labelled> shipped() {
        return Shipped.EXAMPLES;
    }

    /** Holder: read on first use; class initialisation makes a concurrent second caller wait. */
    private static final class Shipped {
        static final List<Labelled> EXAMPLES = List.copyOf(read());
    }

    private static List<Labelled> read() {
        try (InputStream in = ExampleSet.class.getResourceAsStream("/dev/cuecard/question/examples.tsv")) {
            if (in == null) {
                return List.of();
            }
            List<Labelled> list = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                Optional<Category> c = f.length >= 3 ? Category.fromId(f[0]) : Optional.empty();
                String template = f[1].isBlank() || f[1].equals("-") ? null : f[1];
                c.ifPresent(cat -> list.add(new Labelled(cat, f[2], template)));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("shipped examples are unreadable", e);
        }
    }
}
