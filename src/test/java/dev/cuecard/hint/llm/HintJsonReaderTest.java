package dev.cuecard.hint.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuecard.hint.Hint;
import dev.cuecard.hint.HintLevel;
import dev.cuecard.hint.HintSource;
import dev.cuecard.question.Category;
import java.util.List;
import org.junit.jupiter.api.Test;

class HintJsonReaderTest {
    private static final Hint TEMPLATE = new Hint("q", Category.CACHING, "caching-strategy", HintSource.TEMPLATE,
            "Template title", "g", List.of(), List.of(), List.of(), List.of(), List.of());
    private final HintJsonReader reader = new HintJsonReader(TEMPLATE);

    @Test
    void everyPrefixOfAReplyReadsAsAHintThatOnlyGrows() {
        String reply = "Sure! ```json\n{\"title\": \"Cache \\\"aside\\\"\", \"gist\": \"Use caf\\u00e9 caching\", "
                + "\"structure\": [\"a\", \"b\"], \"keyPoints\": [\"k\"], \"numbers\": [], \"pitfalls\": [], "
                + "\"followUps\": [\"f\"]}\n```";
        Hint previous = null;
        for (int i = 1; i <= reply.length(); i++) {
            var partial = reader.partial(reply.substring(0, i));
            if (previous != null) {
                assertThat(partial).as("prefix " + i).isPresent();
                assertThat(partial.get().gist()).startsWith(previous.gist().substring(0,
                        Math.max(0, previous.gist().length() - 1)));
                assertThat(partial.get().structure().size()).isGreaterThanOrEqualTo(previous.structure().size());
            }
            if (partial.isPresent()) {
                previous = partial.get();
            }
        }
        assertThat(previous.gist()).isEqualTo("Use café caching");
        assertThat(previous.title()).isEqualTo("Cache \"aside\"");
        assertThat(previous.followUps()).containsExactly("f");
    }

    @Test
    void aCompleteReplyIsReadThroughFencesTrailingCommasAndSingleStrings() throws Exception {
        Hint h = reader.complete("```json\n{\"gist\": \"g1\", \"structure\": \"only step\", \"keyPoints\": [\"a\",],}\n```");
        assertThat(h.source()).isEqualTo(HintSource.LLM);
        assertThat(h.title()).isEqualTo("Template title");
        assertThat(h.structure()).containsExactly("only step");
        assertThat(h.keyPoints()).containsExactly("a");
        assertThat(h.templateId()).isEqualTo("caching-strategy");
    }

    @Test
    void repliesThatAreNotHintsAreRejected() {
        assertThatThrownBy(() -> reader.complete("I cannot help with that")).hasMessageContaining("no JSON object");
        assertThatThrownBy(() -> reader.complete("{\"answer\": \"x\", \"structure\": [\"a\"]}")).hasMessageContaining("gist");
        assertThatThrownBy(() -> reader.complete("{\"gist\": \"x\", \"structure\": [{\"step\": 1}]}"))
                .hasMessageContaining("structure");
        assertThatThrownBy(() -> reader.complete("{\"gist\": \"x\", \"keyPoints\": 7}")).hasMessageContaining("keyPoints");
        assertThatThrownBy(() -> reader.complete("{\"gist\": \"x\"}")).hasMessageContaining("neither");
        assertThatThrownBy(() -> reader.complete("{\"gist\": \"x\", \"structure\": [\"a\"")).isInstanceOf(
                HintJsonReader.HintFormatException.class);
    }

    @Test
    void levelsShowMoreStepByStep() throws Exception {
        Hint h = reader.complete("{\"gist\": \"g\", \"structure\": [\"s\"], \"keyPoints\": [\"k\"], \"pitfalls\": [\"p\"]}");
        assertThat(h.at(HintLevel.ONE_LINE).structure()).isEmpty();
        assertThat(h.at(HintLevel.ONE_LINE).gist()).isEqualTo("g");
        assertThat(h.at(HintLevel.OUTLINE).structure()).containsExactly("s");
        assertThat(h.at(HintLevel.OUTLINE).keyPoints()).isEmpty();
        assertThat(h.at(HintLevel.DETAIL)).isEqualTo(h);
        assertThat(HintLevel.ONE_LINE.next().next().next()).isEqualTo(HintLevel.ONE_LINE);
    }
}
