package dev.cuecard.asr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packed, sorted word list answers as a set of the words would. */
class ModelVocabularyTest {

    @Test
    void findsEveryWordAndNothingElse() {
        List<String> words = List.of("zebra", "cache", "a", "cached", "ca", "rate", "limiter", "don't", "café", "<eps>");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            lines.add(words.get(i) + " " + i);
        }
        lines.add("cache 99"); // a repeated word counts once
        lines.add("noid"); // no id: not a word line
        ModelVocabulary v = ModelVocabulary.fromWordsTxt(lines);

        assertThat(v.size()).isEqualTo(words.size());
        for (String w : words) {
            assertThat(v.contains(w)).as(w).isTrue();
        }
        for (String absent : List.of("", "c", "cach", "caches", "zebras", "b", "cafe", "noid", "don")) {
            assertThat(v.contains(absent)).as(absent).isFalse();
        }
        assertThat(v.canSay("rate limiter")).isTrue();
        assertThat(v.canSay("rate limiters")).isFalse();
    }

    @Test
    void anEmptyListSaysNothing() {
        ModelVocabulary v = ModelVocabulary.fromWordsTxt(List.of());
        assertThat(v.isEmpty()).isTrue();
        assertThat(v.contains("a")).isFalse();
        assertThat(v.canSay("a")).isFalse();
    }
}
