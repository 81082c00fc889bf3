package dev.cuecard.question;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes {@code phonetic-ordinary.txt}: every run of words in the dev split's typed interviewer lines
 * that sounds like a technical term the line does not contain. People typed those words meaning
 * themselves ("what do you look for", "feel free to"), so heard later they are read as what they say,
 * not as lock free or failover. Typed text holds no mishearings, so no real one is lost. The held-out
 * split is never read.
 *
 * <pre>  java -cp … dev.cuecard.question.PhoneticOrdinaryRuns src/test/resources/devset src/main/resources/dev/cuecard/question/phonetic-ordinary.txt</pre>
 */
public final class PhoneticOrdinaryRuns {
    static final String HEADER = "# Runs of words the phonetic matcher never reads as a technical term: each sounds like one, yet a typed"
            + " dev line holds it without that term. Made by dev.cuecard.question.PhoneticOrdinaryRuns from"
            + " src/test/resources/devset (dev split only); PhoneticOrdinaryRunsTest keeps it current.";

    private PhoneticOrdinaryRuns() {
    }

    /** The runs, sorted, from the dev split's typed lines in {@code devset}. */
    static List<String> compute(Path devset) throws IOException {
        PhoneticMatcher matcher = new PhoneticMatcher(
                new TechnicalTerms(TemplateLibrary.shipped(), AsrVocabulary.shipped()).termList(), Set.of());
        Set<String> runs = new TreeSet<>();
        for (String line : Files.readAllLines(devset.resolve("utterances.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f.length >= 5 && f[1].equals("dev")) {
                matcher.hits(TextNormalizer.normalize(f[4])).forEach(h -> runs.add(h.run()));
            }
        }
        return new ArrayList<>(runs);
    }

    static String fileText(List<String> runs) {
        return HEADER + "\n" + String.join("\n", runs) + "\n";
    }

    public static void main(String[] args) throws IOException {
        List<String> runs = compute(Path.of(args[0]));
        Files.writeString(Path.of(args[1]), fileText(runs), StandardCharsets.UTF_8);
        System.out.println(runs.size() + " ordinary runs -> " + args[1]);
    }
}
