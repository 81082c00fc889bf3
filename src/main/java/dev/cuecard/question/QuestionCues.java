package dev.cuecard.question;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** The detector's phrase lists (data in {@code question/cues.yaml}, not code). */
@JsonIgnoreProperties(ignoreUnknown = true)
record QuestionCues(Set<String> preamble, List<String> starters, List<String> anywhere, List<String> smallTalk) {

    static QuestionCues shipped() {
        try (InputStream in = QuestionCues.class.getResourceAsStream("/dev/cuecard/question/cues.yaml")) {
            QuestionCues raw = new ObjectMapper(new YAMLFactory()).readValue(in, QuestionCues.class);
            return new QuestionCues(Set.copyOf(raw.preamble()), padded(raw.starters()), padded(raw.anywhere()),
                    padded(raw.smallTalk()));
        } catch (IOException e) {
            throw new UncheckedIOException("shipped question cues are broken", e);
        }
    }

    /** " phrase " so that matching respects word boundaries on " text ". */
    private static List<String> padded(List<String> phrases) {
        return phrases.stream().map(p -> " " + TextNormalizer.normalize(p) + " ").toList();
    }
}
