package dev.cuecard.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    @Test
    void lowerCaseWordsOfLettersAndDigitsBetweenSingleSpaces() {
        assertThat(TextNormalizer.normalize("  How would YOU design a Rate-Limiter?! ")).isEqualTo(
                "how would you design a rate limiter");
        assertThat(TextNormalizer.normalize("what's a p99 of 250ms, don't guess")).isEqualTo(
                "whats a p99 of 250ms dont guess");
        assertThat(TextNormalizer.normalize("Café naïve résumé")).isEqualTo("cafe naive resume");
        assertThat(TextNormalizer.normalize("?!")).isEmpty();
    }

    /** The one-pass ASCII path gives exactly what the general path gives. */
    @Test
    void theAsciiPathEqualsTheGeneralOne() throws IOException {
        List<String> texts = new ArrayList<>(List.of("", " ", "'", "a'b", "a ' b", "'a'", "A-B_C", "x\ty\nz",
                "C++ / C# & .NET", "  leading", "trailing  ", "1,000,000 rps", "__init__", "Ünïcode mixed in"));
        for (String resource : List.of("/devset/utterances.tsv", "/dev/cuecard/question/examples.tsv",
                "/dev/cuecard/templates/system_design.yaml", "/dev/cuecard/templates/coding.yaml")) {
            try (InputStream in = TextNormalizerTest.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                texts.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            }
        }
        for (String text : texts) {
            assertThat(TextNormalizer.normalize(text)).as(text).isEqualTo(TextNormalizer.normalizeAnyText(text));
        }
    }
}
