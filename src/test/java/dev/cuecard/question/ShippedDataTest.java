package dev.cuecard.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The build-time copy of the shipped YAML reads back as exactly what parsing the YAML gives. */
class ShippedDataTest {
    @Test
    void theStoredDataIsWhatTheYamlSays() {
        ShippedData.Data stored = ShippedData.get().orElseThrow(
                () -> new AssertionError("no up-to-date shipped-data.bin in the build (process-classes)"));
        ShippedData.Data parsed = ShippedData.parseYaml();
        assertThat(stored.templates()).hasSizeGreaterThan(100).isEqualTo(parsed.templates());
        assertThat(stored.vocabulary()).hasSizeGreaterThan(100).isEqualTo(parsed.vocabulary());
        assertThat(stored.cues().preamble()).isEqualTo(parsed.cues().preamble());
        assertThat(List.of(stored.cues().starters(), stored.cues().anywhere(), stored.cues().smallTalk()))
                .isEqualTo(List.of(parsed.cues().starters(), parsed.cues().anywhere(), parsed.cues().smallTalk()));
    }

    @Test
    void theShippedLibraryVocabularyAndCuesComeFromIt() {
        ShippedData.Data parsed = ShippedData.parseYaml();
        assertThat(List.copyOf(TemplateLibrary.shipped().all())).isEqualTo(parsed.templates());
        assertThat(TemplateLibrary.shipped().problems()).isEmpty();
        AsrVocabulary fromYaml = AsrVocabulary.of(parsed.vocabulary());
        assertThat(AsrVocabulary.shipped().describe()).isEqualTo(fromYaml.describe());
        assertThat(QuestionCues.shipped()).isEqualTo(QuestionCues.ready(parsed.cues()));
    }

    @Test
    void aFileWithAnotherStampIsIgnored() throws IOException {
        ShippedData.Data data = ShippedData.parseYaml();
        byte[] stamp = ShippedData.stamp();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ShippedData.write(out, data, stamp);
        byte[] file = out.toByteArray();
        assertThat(ShippedData.read(new ByteArrayInputStream(file), stamp)).isPresent();
        byte[] other = stamp.clone();
        other[0]++;
        assertThat(ShippedData.read(new ByteArrayInputStream(file), other)).isEmpty();
        assertThat(ShippedData.read(new ByteArrayInputStream(Arrays.copyOf(file, file.length - 10)), stamp)).isEmpty();
        assertThat(ShippedData.stampOf(new ByteArrayInputStream(file))).hasValueSatisfying(
                s -> assertThat(s).isEqualTo(stamp));
        assertThat(Set.of(ShippedData.sources().toArray())).hasSize(Category.topics().length + 2);
    }
}
