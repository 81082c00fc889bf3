package dev.cuecard.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.audio.Channel;
import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.Utterance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The calibration set as the recogniser wrote it (flite voices → Vosk, recorded by
 * {@link PracticeCalibrationBenchmark}): the order must survive mishearings, and the spoken score
 * must stay close to the typed one.
 */
class RecognisedCalibrationTest {
    private static final TemplateLibrary TEMPLATES = TemplateLibrary.shipped();
    private final AnswerScorer scorer = AnswerScorer.shipped();

    private static Map<String, List<Utterance>> recognised() throws IOException {
        Map<String, List<Utterance>> out = new LinkedHashMap<>();
        try (InputStream in = RecognisedCalibrationTest.class.getResourceAsStream("/practice/calibration-recognised.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.computeIfAbsent(f[0] + "." + f[1], k -> new ArrayList<>())
                        .add(new Utterance(Channel.ME, Long.parseLong(f[3]), Long.parseLong(f[4]), f[5]));
            }
        }
        return out;
    }

    @Test
    void recognisedAnswersAreOrderedStrongOverMediocreOverWeak() throws IOException {
        Map<String, List<Utterance>> speech = recognised();
        CalibrationSet set = CalibrationSet.load();
        List<String> misordered = new ArrayList<>();
        for (CalibrationSet.Item i : set.items()) {
            Template t = TEMPLATES.get(i.template()).orElseThrow();
            double[] s = new double[3];
            for (CalibrationSet.Quality q : CalibrationSet.Quality.values()) {
                assertThat(speech).as("recognised %s", i.name(q)).containsKey(i.name(q));
                s[q.ordinal()] = scorer.score(t, Answer.spoken(speech.get(i.name(q)))).total();
            }
            if (!PracticeCalibrationBenchmark.ordered(s)) {
                misordered.add(String.format(Locale.ROOT, "%s %.1f/%.1f/%.1f", i.template(), s[0], s[1], s[2]));
            }
        }
        assertThat(1 - misordered.size() / (double) set.items().size()).as("misordered: %s", misordered)
                .isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void spokenScoresStayCloseToTypedScores() throws IOException {
        Map<String, List<Utterance>> speech = recognised();
        double worst = 0;
        double sum = 0;
        int n = 0;
        for (CalibrationSet.Item i : CalibrationSet.load().items()) {
            Template t = TEMPLATES.get(i.template()).orElseThrow();
            for (CalibrationSet.Quality q : CalibrationSet.Quality.values()) {
                double typed = scorer.score(t, Answer.typed(i.text(q))).total();
                double spoken = scorer.score(t, Answer.spoken(speech.get(i.name(q)))).total();
                worst = Math.max(worst, Math.abs(typed - spoken));
                sum += Math.abs(typed - spoken);
                n++;
            }
        }
        assertThat(sum / n).as("mean |typed − spoken|").isLessThan(0.6);
        assertThat(worst).as("max |typed − spoken|").isLessThan(1.6);
    }
}
