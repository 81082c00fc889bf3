package dev.cuecard.question;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.config.AppPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsrVocabularyTest {
    private final AsrVocabulary vocabulary = AsrVocabulary.shipped();

    @Test
    void addsTheTermOfEveryMisheardPhraseAndKeepsTheHeardWords() {
        assertThat(vocabulary.apply("how would you design a right limiter")).startsWith(
                "how would you design a right limiter ").contains(" rate limiter");
        assertThat(vocabulary.apply("nothing technical here")).isEqualTo("nothing technical here");
        assertThat(vocabulary.apply("")).isEmpty();
    }

    /**
     * A status code said digit by digit reads as one ("a four oh nine rather than a for zero zero" was carded as
     * rotating a matrix); a round number that counts things does not.
     */
    @Test
    void languageNamesAsTheRecogniserWritesThemAreTheLanguages() throws EmbeddingUnavailable {
        assertThat(vocabulary.apply("how do caitlyn cortines suspend without blocking a thread"))
                .contains(" kotlin").contains(" coroutines");
        assertThat(vocabulary.apply("in see sharp when does configure await false matter")).contains(" c sharp");
        assertThat(vocabulary.apply("have you shipped anything in type or script")).endsWith(" typescript");
        // the full reading (with the sentence model, as the CLI's): a question about threads while the name was a name
        UtteranceClassifier lexical = UtteranceClassifier.shipped();
        UtteranceClassifier full = lexical.withSemantics(
                SemanticMatcher.loadShipped(AppPaths.fromEnvironment().cacheDir(), lexical.library()));
        Classification c = full.confirm("how do caitlyn cortines suspend without blocking a thread", List.of());
        assertThat(c.category()).isEqualTo(Category.LANGUAGE_RUNTIME);
    }

    @Test
    void statusCodesSaidDigitByDigitAreStatusCodesButRoundNumbersAreNot() {
        assertThat(vocabulary.apply("so when do you send back a four zero nine instead of a for zero zero"))
                .endsWith(" status code");
        assertThat(vocabulary.apply("should the gateway answer five oh three or five oh four")).endsWith(" status code");
        assertThat(vocabulary.apply("we have five hundred users and four hundred services"))
                .isEqualTo("we have five hundred users and four hundred services");
        UtteranceClassifier classifier = UtteranceClassifier.shipped();
        Classification c = classifier.classify("which is right here a four oh nine or a four twenty two when the "
                + "version number is stale");
        assertThat(c.category()).isEqualTo(Category.API_DESIGN);
        assertThat(c.template()).hasValueSatisfying(t -> assertThat(t.id()).isEqualTo("api-error-responses"));
    }

    /** The word-run lookup must give exactly what running every pattern gives, on any text. */
    @Test
    void theFastPathEqualsRunningEveryPattern() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String resource : List.of("/devset/utterances.tsv", "/devset/utterances-asr.tsv")) {
            try (InputStream in = AsrVocabularyTest.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                        .map(l -> l.substring(l.lastIndexOf('\t') + 1)).forEach(texts::add);
            }
        }
        // every heard phrase alone, at the start, in the middle, at the end, and twice
        vocabulary.heardByTerm().values().forEach(forms -> forms.forEach(h -> {
            String n = TextNormalizer.normalize(h);
            texts.addAll(List.of(n, n + " please", "so " + n + " and then", "about " + n, n + " or " + n));
        }));
        // not normalized: the patterns' word boundaries on punctuation, case and double spaces
        texts.addAll(List.of("Jason?", "a  p i", " cash", "cash ", "re-dis", "what's kafka", "CASH"));
        int fast = 0;
        for (String text : texts) {
            assertThat(vocabulary.apply(text)).as(text).isEqualTo(vocabulary.applyByPattern(text));
            if (AsrVocabulary.isNormalized(text)) {
                fast++;
            }
        }
        assertThat(fast).isGreaterThan(1000);
    }

    @Test
    void knowsWhatNormalizedTextIs() {
        assertThat(AsrVocabulary.isNormalized("")).isTrue();
        assertThat(AsrVocabulary.isNormalized("a b9 c")).isTrue();
        assertThat(AsrVocabulary.isNormalized(" a")).isFalse();
        assertThat(AsrVocabulary.isNormalized("a ")).isFalse();
        assertThat(AsrVocabulary.isNormalized("a  b")).isFalse();
        assertThat(AsrVocabulary.isNormalized("A b")).isFalse();
        assertThat(AsrVocabulary.isNormalized("a-b")).isFalse();
        assertThat(AsrVocabulary.isNormalized("é")).isFalse();
    }
}
