package dev.cuecard.asr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VoskResultParserTest {
    @Test
    void aPlainFinalKeepsItsWordsAndConfidencesAndHasNoAlternatives() {
        VoskResultParser.Parsed p = VoskResultParser.parseFinal("""
                {"result":[{"conf":0.9,"start":0.5,"end":0.8,"word":"cache"},{"conf":0.6,"start":0.8,"end":1.2,"word":"misses"}],
                 "text":"cache misses"}""");
        assertThat(p.text()).isEqualTo("cache misses");
        assertThat(p.words()).containsExactly(new Word("cache", 500, 800, 0.9), new Word("misses", 800, 1200, 0.6));
        assertThat(p.alternatives()).isEmpty();
    }

    @Test
    void anNBestFinalIsItsFirstReadingWithTheOthersAsAlternatives() {
        VoskResultParser.Parsed p = VoskResultParser.parseFinal("""
                {"alternatives":[
                  {"confidence":321.9,"result":[{"start":0.0,"end":0.3,"word":"how"},{"start":0.3,"end":0.6,"word":"you"},
                                                {"start":0.6,"end":0.9,"word":"can"}],"text":"how you can"},
                  {"confidence":321.3,"result":[{"start":0.0,"end":0.3,"word":"how"},{"start":0.3,"end":0.6,"word":"you"},
                                                {"start":0.6,"end":0.9,"word":"cash"}],"text":"how you cash"},
                  {"confidence":320.1,"result":[{"start":0.0,"end":0.3,"word":"how"},{"start":0.3,"end":0.6,"word":"you"},
                                                {"start":0.6,"end":0.9,"word":"can"}],"text":"how you can"},
                  {"confidence":319.0,"result":[{"start":0.0,"end":0.3,"word":"now"},{"start":0.3,"end":0.9,"word":"uses"}],
                   "text":"now uses"},
                  {"confidence":318.0,"result":[],"text":""}]}""");
        assertThat(p.text()).isEqualTo("how you can");
        assertThat(p.alternatives()).as("distinct, in order, none empty").containsExactly("how you cash", "now uses");
        // a word's confidence: the share of the distinct readings that heard it over the same audio
        assertThat(p.words()).extracting(Word::text).containsExactly("how", "you", "can");
        assertThat(p.words()).extracting(Word::confidence).containsExactly(2 / 3.0, 2 / 3.0, 1 / 3.0);
        assertThat(p.words().get(2).startMs()).isEqualTo(600);
        assertThat(p.shifted(1000).alternatives()).isEqualTo(p.alternatives());
    }

    @Test
    void anNBestFinalThatHeardNothingIsEmpty() {
        VoskResultParser.Parsed p = VoskResultParser.parseFinal("""
                {"alternatives":[{"confidence":0.0,"result":[],"text":""}]}""");
        assertThat(p.text()).isEmpty();
        assertThat(p.words()).isEmpty();
        assertThat(p.alternatives()).isEqualTo(List.of());
    }

    @Test
    void whenTheMostLikelyReadingIsSilenceALessLikelyWordIsNotHeard() {
        VoskResultParser.Parsed p = VoskResultParser.parseFinal("""
                {"alternatives":[{"confidence":12.0,"result":[],"text":""},
                  {"confidence":11.2,"result":[{"start":0.4,"end":0.5,"word":"the"}],"text":"the"}]}""");
        assertThat(p.text()).isEmpty();
        assertThat(p.words()).isEmpty();
        assertThat(p.alternatives()).isEmpty();
    }
}
