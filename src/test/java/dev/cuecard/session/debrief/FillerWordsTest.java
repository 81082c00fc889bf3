package dev.cuecard.session.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FillerWordsTest {
    @Test
    void countsFillersButNotTheRealUsesOfLikeAndYouKnow() {
        assertThat(FillerWords.count("um so it was like really slow uh you know the usual")).isEqualTo(
                Map.of("um", 1, "like", 1, "uh", 1, "you know", 1));
        assertThat(FillerWords.count("I'd like to add a queue it looks like a log do you know kafka it is like a cache")).isEmpty();
        // "like" meaning "such as" names examples: not a filler
        assertThat(FillerWords.count("we tracked metrics like cpu and memory and used a store like redis for endpoints "
                + "like get and put")).isEmpty();
        assertThat(FillerWords.count("the process was like slow and this is like hard")).containsEntry("like", 2);
        assertThat(FillerWords.count("basically basically I mean it works what I mean is")).isEqualTo(
                Map.of("basically", 2, "i mean", 1));
    }
}
