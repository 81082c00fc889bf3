package dev.cuecard.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ordinary words that sound like a term are read as what they say; a misheard term still is found. */
class PhoneticOrdinaryRunsTest {
    private final List<String> terms = new TechnicalTerms(TemplateLibrary.shipped(), AsrVocabulary.shipped()).termList();

    @Test
    void theShippedListIsTheOneTheDevSplitGives() throws Exception {
        Path devset = Path.of(getClass().getResource("/devset/utterances.tsv").toURI()).getParent();
        String expected = PhoneticOrdinaryRuns.fileText(PhoneticOrdinaryRuns.compute(devset));
        try (InputStream in = getClass().getResourceAsStream(PhoneticMatcher.ORDINARY_RESOURCE)) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .as("stale: run PhoneticOrdinaryRuns (see its comment)").isEqualTo(expected);
        }
    }

    @Test
    void ordinaryWordsAreNotReadAsATermTheySoundLike() {
        PhoneticMatcher all = new PhoneticMatcher(terms, Set.of());
        PhoneticMatcher shipped = new PhoneticMatcher(terms);
        String text = "what would you look for in a new role and feel free to ask me anything";
        // without the list, "look for" is lock free and "feel free" failover
        assertThat(all.matches(text)).contains("lock free", "failover");
        assertThat(shipped.matches(text)).doesNotContain("lock free", "failover");
    }

    @Test
    void aMisheardTermIsStillFound() {
        PhoneticMatcher shipped = new PhoneticMatcher(terms);
        assertThat(shipped.matches("how would you build a lok free queue")).contains("lock free");
    }

    @Test
    void aCareerQuestionIsNotReadAsConcurrency() {
        Classification c = UtteranceClassifier.shipped().classify("so what's prompting you to look for something new");
        assertThat(c.category()).isEqualTo(Category.BEHAVIORAL);
    }
}
