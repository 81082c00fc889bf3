package dev.cuecard.pipeline;

import dev.cuecard.asr.ModelException;
import dev.cuecard.asr.SpeechModel;
import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.audio.AudioSourceException;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.WavFileSource;
import dev.cuecard.hint.TemplateHintEngine;
import dev.cuecard.question.DetectedQuestion;
import dev.cuecard.question.TextNormalizer;
import dev.cuecard.question.UtteranceClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Question-end → hint latency over a multi-question recording replayed at full speed, in audio
 * time: from where the question's speech ends (last word of its final result) to the audio
 * position fed when its first hint event was emitted. Negative = hinted before the question ended.
 */
public final class QuestionLatencyBenchmark {

    /** One sentence of the script with its label. */
    record Line(String category, String text) {
    }

    /** One recogniser utterance and what the pipeline decided on it. */
    record Utterance(TranscriptEvent fin, List<DetectedQuestion> questions, List<Long> hintAtMs) {
    }

    /** A decision taken on a final result belongs to that (already closed) utterance. */
    private static boolean onFinal(DetectedQuestion q) {
        return !q.early();
    }

    private QuestionLatencyBenchmark() {
    }

    public static String run(Path wav, Path script, SpeechModel model, UtteranceClassifier classifier)
            throws IOException, AudioSourceException, ModelException, InterruptedException {
        List<Line> lines = new ArrayList<>();
        for (String l : Files.readAllLines(script)) {
            String[] f = l.split("\t");
            if (f.length == 2 && !l.startsWith("#")) {
                lines.add(new Line(f[0], f[1]));
            }
        }
        List<Utterance> utterances = new ArrayList<>();
        List<DetectedQuestion> pending = new ArrayList<>();
        List<Long> pendingHints = new ArrayList<>();
        boolean[] lastWasFinalDecision = {false};
        QuestionStage stage = new QuestionStage(classifier, new TemplateHintEngine());
        Pipeline p = new Pipeline(Pipeline.RecognizerFactory.vosk(model, stage.spotPhrases()), new NamedThreadFactory("bench"))
                .withQuestions(stage);
        p.addListener(e -> {
            synchronized (utterances) {
                if (e instanceof PipelineEvent.Question q) {
                    if (onFinal(q.question()) && !utterances.isEmpty()
                            && utterances.get(utterances.size() - 1).fin().atMs() == q.question().atMs()) {
                        utterances.get(utterances.size() - 1).questions().add(q.question());
                        lastWasFinalDecision[0] = true;
                    } else {
                        pending.add(q.question());
                        lastWasFinalDecision[0] = false;
                    }
                } else if (e instanceof PipelineEvent.HintReady h) {
                    if (lastWasFinalDecision[0]) {
                        utterances.get(utterances.size() - 1).hintAtMs().add(h.atMs());
                    } else {
                        pendingHints.add(h.atMs());
                    }
                } else if (e instanceof PipelineEvent.Transcript t && t.event().isFinal()) {
                    utterances.add(new Utterance(t.event(), new ArrayList<>(pending), new ArrayList<>(pendingHints)));
                    lastWasFinalDecision[0] = false;
                    pending.clear();
                    pendingHints.clear();
                }
            }
        });
        p.addChannel(new ChannelInput(Channel.THEM, new WavFileSource(wav, Double.POSITIVE_INFINITY)));
        p.start();
        p.awaitEnd();

        StringBuilder b = new StringBuilder();
        List<Long> latencies = new ArrayList<>();
        int early = 0;
        int expectedQuestions = (int) lines.stream().filter(l -> !l.category().equals("none")).count();
        int hintedQuestions = 0;
        int hintedSmallTalk = 0;
        int rightCategory = 0;
        b.append("| heard | label | decided | hint at − speech end |\n|---|---|---|---|\n");
        for (Utterance u : utterances) {
            Line label = nearest(lines, u.fin().text());
            String decided = "–";
            String lat = "";
            Set<Integer> ids = new HashSet<>();
            if (!u.questions().isEmpty()) {
                DetectedQuestion first = u.questions().get(0);
                DetectedQuestion last = u.questions().get(u.questions().size() - 1);
                decided = last.classification().category().id() + "/" + last.classification().templateId()
                        + (first.early() ? " (early)" : "") + (u.questions().size() > 1 ? " (refined)" : "");
                u.questions().forEach(q -> ids.add(q.id()));
                if (!u.hintAtMs().isEmpty()) {
                    long l = u.hintAtMs().get(0) - u.fin().endMs();
                    latencies.add(l);
                    lat = l + " ms";
                    if (l < 0) {
                        early++;
                    }
                }
                if (label.category().equals("none")) {
                    hintedSmallTalk++;
                } else {
                    hintedQuestions++;
                    if (label.category().equals(last.classification().category().id())) {
                        rightCategory++;
                    }
                }
            }
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", u.fin().text(), label.category(), decided, lat));
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        b.append(String.format(Locale.ROOT, "%nutterances recognised: %d; labelled questions: %d, hinted: %d "
                        + "(right category %d); small talk hinted: %d%n", utterances.size(), expectedQuestions,
                hintedQuestions, rightCategory, hintedSmallTalk));
        if (!sorted.isEmpty()) {
            b.append(String.format(Locale.ROOT, "question end → hint: median %d ms, p90 %d ms; hinted before the "
                            + "question ended: %d of %d (%.0f %%)%n", sorted.get(sorted.size() / 2),
                    sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.9) - 1)), early,
                    sorted.size(), 100.0 * early / sorted.size()));
        }
        return b.toString();
    }

    /** The script line with the most words in common (the recogniser may mishear some). */
    private static Line nearest(List<Line> lines, String heard) {
        Set<String> h = new HashSet<>(TextNormalizer.words(TextNormalizer.normalize(heard)));
        Line best = lines.get(0);
        double bestScore = -1;
        for (Line l : lines) {
            List<String> w = TextNormalizer.words(TextNormalizer.normalize(l.text()));
            long common = w.stream().filter(h::contains).count();
            double score = (double) common / Math.max(w.size(), h.size());
            if (score > bestScore) {
                bestScore = score;
                best = l;
            }
        }
        return best;
    }
}
