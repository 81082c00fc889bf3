package dev.cuecard.question;

import dev.cuecard.config.AppPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Probe files of lines written to check the category model and never trained on (devset/*.tsv,
 * tab-separated, '#' comments), read with the shipped model's full reading — what the CLI's
 * {@code classify} and a card's decision use.
 */
final class ProbeLines {
    private final UtteranceClassifier classifier;

    private ProbeLines(UtteranceClassifier classifier) {
        this.classifier = classifier;
    }

    /** The shipped lexical model mixed with the shipped sentence model. */
    static ProbeLines shippedReader() throws EmbeddingUnavailable {
        UtteranceClassifier lexical = UtteranceClassifier.shipped();
        return new ProbeLines(lexical.withSemantics(
                SemanticMatcher.loadShipped(AppPaths.fromEnvironment().cacheDir(), lexical.library())));
    }

    /** The fields of each line of a test resource, comments and blank lines left out. */
    static List<String[]> fields(String resource) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of(ProbeLines.class.getResource(resource).toURI()))) {
            if (!l.startsWith("#") && !l.isBlank()) {
                out.add(l.split("\t"));
            }
        }
        return out;
    }

    /** The category id {@code text} reads as ("none" where it is not a question). */
    String categoryOf(String text) {
        Classification c = classifier.classify(text);
        return c.isQuestion() ? c.category().id() : Category.NONE.id();
    }
}
