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

    static final String RESOURCE = "/dev/cuecard/question/cues.yaml";

    /** The shipped cues (stored at build time, see {@link ShippedData}; else parsed from their YAML), ready to match. */
    static QuestionCues shipped() {
        return ready(ShippedData.get().map(ShippedData.Data::cues).orElseGet(QuestionCues::parseShipped));
    }

    /** Lists as written → phrases padded for matching. */
    static QuestionCues ready(QuestionCues raw) {
        return new QuestionCues(Set.copyOf(raw.preamble()), padded(raw.starters()), padded(raw.anywhere()),
                padded(raw.smallTalk()));
    }

    /** The lists as the YAML has them. */
    static QuestionCues parseShipped() {
        try (InputStream in = QuestionCues.class.getResourceAsStream(RESOURCE)) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, QuestionCues.class);
        } catch (IOException e) {
            throw new UncheckedIOException("shipped question cues are broken", e);
        }
    }

    /** " phrase " so that matching respects word boundaries on " text ". */
    private static List<String> padded(List<String> phrases) {
        return phrases.stream().map(p -> " " + TextNormalizer.normalize(p) + " ").toList();
    }
}
