package dev.cuecard.practice;

import dev.cuecard.audio.WavFileSource;
import dev.cuecard.question.Template;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.Utterance;
import dev.cuecard.testing.SpeechFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Calibration of the rubric on speech (issue 8): renders every answer of the calibration set with
 * flite (voices rotating), recognises it with Vosk through the live pipeline, scores typed and
 * recognised text, prints the rank agreement and writes the recognised utterances to
 * {@code src/test/resources/practice/calibration-recognised.tsv} for {@link RecognisedCalibrationTest}.
 * Run with {@code bench/practice-calibration.sh}.
 */
public final class PracticeCalibrationBenchmark {
    private static final String[] VOICES = {"slt", "rms", "awb"};

    public static void main(String[] args) throws Exception {
        boolean typedOnly = List.of(args).contains("--typed");
        Path work = Path.of("target/practice-calibration");
        Files.createDirectories(work);
        TemplateLibrary templates = TemplateLibrary.shipped();
        AnswerScorer scorer = AnswerScorer.shipped();
        CalibrationSet set = CalibrationSet.load();
        List<String> tsv = new ArrayList<>(List.of("# template\tquality\tvoice\tstartMs\tendMs\ttext (made by "
                + "PracticeCalibrationBenchmark: flite → Vosk)"));
        int typedOk = 0;
        int spokenOk = 0;
        double diffSum = 0;
        double diffMax = 0;
        int n = 0;
        double[][] sums = new double[2][3];
        System.out.println("| template | strong typed/spoken | mediocre typed/spoken | weak typed/spoken |");
        System.out.println("|---|---|---|---|");
        for (int i = 0; i < set.items().size(); i++) {
            CalibrationSet.Item item = set.items().get(i);
            Template t = templates.get(item.template()).orElseThrow();
            String voice = VOICES[i % VOICES.length];
            double[] typed = new double[3];
            double[] spoken = new double[3];
            for (CalibrationSet.Quality q : CalibrationSet.Quality.values()) {
                Answer a = typedOnly ? Answer.typed(item.text(q)) : WavAnswers.recognise(SpeechFixtures.model(),
                        new WavFileSource(render(work, item.name(q), voice, item.text(q)), Double.POSITIVE_INFINITY));
                for (Utterance u : a.utterances()) {
                    tsv.add(String.join("\t", item.template(), q.name().toLowerCase(Locale.ROOT), voice,
                            Long.toString(u.startMs()), Long.toString(u.endMs()), u.text()));
                }
                typed[q.ordinal()] = scorer.score(t, Answer.typed(item.text(q))).total();
                spoken[q.ordinal()] = scorer.score(t, a).total();
                double d = Math.abs(typed[q.ordinal()] - spoken[q.ordinal()]);
                diffSum += d;
                diffMax = Math.max(diffMax, d);
                sums[0][q.ordinal()] += typed[q.ordinal()];
                sums[1][q.ordinal()] += spoken[q.ordinal()];
                n++;
            }
            typedOk += ordered(typed) ? 1 : 0;
            spokenOk += ordered(spoken) ? 1 : 0;
            System.out.printf(Locale.ROOT, "| %s | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f |%n", item.template(),
                    typed[0], spoken[0], typed[1], spoken[1], typed[2], spoken[2]);
        }
        int k = set.items().size();
        System.out.printf(Locale.ROOT, "%nanswers: %d (%d questions × 3)%n", n, k);
        System.out.printf(Locale.ROOT, "rank agreement strong > mediocre > weak: typed %d/%d (%.0f %%), recognised %d/%d (%.0f %%)%n",
                typedOk, k, 100.0 * typedOk / k, spokenOk, k, 100.0 * spokenOk / k);
        System.out.printf(Locale.ROOT, "mean total typed: strong %.1f, mediocre %.1f, weak %.1f%n",
                sums[0][0] / k, sums[0][1] / k, sums[0][2] / k);
        System.out.printf(Locale.ROOT, "mean total recognised: strong %.1f, mediocre %.1f, weak %.1f%n",
                sums[1][0] / k, sums[1][1] / k, sums[1][2] / k);
        System.out.printf(Locale.ROOT, "|typed − recognised| total: mean %.2f, max %.2f%n", diffSum / n, diffMax);
        if (!typedOnly) {
            Files.write(Path.of("src/test/resources/practice/calibration-recognised.tsv"), tsv);
        }
    }

    static boolean ordered(double[] s) {
        return s[0] > s[1] && s[1] > s[2];
    }

    private static Path render(Path dir, String name, String voice, String text) throws IOException, InterruptedException {
        Path wav = dir.resolve(name + ".wav");
        if (Files.exists(wav)) {
            return wav;
        }
        Path txt = dir.resolve(name + ".txt");
        Files.writeString(txt, text);
        Path raw = dir.resolve(name + ".raw.wav");
        run("flite", "-voice", voice, "-f", txt.toString(), "-o", raw.toString());
        run("sox", raw.toString(), "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", wav.toString(),
                "pad", "0.25", "0.25");
        Files.delete(raw);
        return wav;
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + ")");
        }
    }
}
