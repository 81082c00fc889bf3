package dev.cuecard.question;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every heard form adds its term to any text it appears in, so a single ordinary word in the
 * vocabulary ("few" for "queue") cards questions on the wrong topic whenever it is meant as itself.
 * Checked against what the recogniser really wrote for the dev split: a one-word heard form seen
 * often enough must mostly stand for its term.
 */
class AsrVocabularyPrecisionTest {
    /** Fewer sightings than this say too little either way. */
    private static final int MIN_SIGHTINGS = 3;
    /** Below half, a form adds its term to more lines where it is wrong than right ("catch" for "cache": 5 of 14). */
    private static final double MIN_PRECISION = 0.5;

    @Test
    void oneWordHeardFormsMostlyStandForTheirTerm() throws IOException, URISyntaxException {
        List<LabelledUtterance> dev = new ArrayList<>();
        for (LabelledUtterance u : LabelledUtterance.load(devsetDir())) {
            if (!u.heldOut() && u.asr() != null) {
                dev.add(u);
            }
        }
        assertTrue(dev.size() > 1000, "the dev split with recogniser text is there");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (AsrVocabulary.Entry entry : AsrVocabulary.parseShipped()) {
            String term = TextNormalizer.normalize(entry.term());
            Pattern spoken = termAsSpoken(term);
            for (String form : entry.heard()) {
                String heard = TextNormalizer.normalize(form);
                if (heard.isEmpty() || heard.contains(" ") || heard.equals(term)) {
                    continue;
                }
                Pattern heardWord = Pattern.compile("\\b" + Pattern.quote(heard) + "\\b");
                int seen = 0;
                int meant = 0;
                for (LabelledUtterance u : dev) {
                    if (heardWord.matcher(TextNormalizer.normalize(u.asr())).find()) {
                        seen++;
                        if (spoken.matcher(TextNormalizer.normalize(u.text())).find()) {
                            meant++;
                        }
                    }
                }
                if (seen >= MIN_SIGHTINGS) {
                    checked++;
                    if (meant < MIN_PRECISION * seen) {
                        failures.add("\"" + heard + "\" → " + term + ": heard in " + seen + " dev lines, meant in " + meant);
                    }
                }
            }
        }
        assertTrue(checked >= 3, "enough one-word forms are seen to check: " + checked);
        assertTrue(failures.isEmpty(), "one-word heard forms that mostly mean themselves: " + failures);
    }

    /** The term as a speaker's text may hold it: its words with an ending, or spelt letter by letter ("t t l"). */
    private static Pattern termAsSpoken(String term) {
        String words = Pattern.quote(term) + "(?:s|es|ing|ed|d)?";
        String compact = term.replace(" ", "");
        String letters = String.join(" ", compact.split(""));
        return Pattern.compile("\\b(?:" + words + "|" + Pattern.quote(letters) + ")\\b");
    }

    private static Path devsetDir() throws URISyntaxException {
        return Path.of(AsrVocabularyPrecisionTest.class.getResource("/devset/utterances.tsv").toURI()).getParent();
    }
}
