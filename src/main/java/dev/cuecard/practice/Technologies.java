package dev.cuecard.practice;

import dev.cuecard.question.TextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Named technologies, protocols and algorithms ({@code practice/technologies.txt}) found in an answer. */
final class Technologies {
    private static final String RESOURCE = "/dev/cuecard/practice/technologies.txt";
    private final List<Pattern> names;
    private final List<String> labels;

    private Technologies(List<String> labels) {
        this.labels = List.copyOf(labels);
        this.names = labels.stream().map(n -> Pattern.compile("\\b" + Pattern.quote(n) + "s?\\b")).toList();
    }

    static Technologies shipped() {
        try (InputStream in = Technologies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String n = TextNormalizer.normalize(line.startsWith("#") ? "" : line);
                if (!n.isEmpty()) {
                    out.add(n);
                }
            }
            return new Technologies(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Distinct names in normalised text, in list order. */
    Set<String> in(String normalized) {
        Set<String> found = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).matcher(normalized).find()) {
                found.add(labels.get(i));
            }
        }
        return found;
    }
}
