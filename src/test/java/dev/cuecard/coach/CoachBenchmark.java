package dev.cuecard.coach;

import dev.cuecard.audio.Channel;
import dev.cuecard.audio.WavFileSource;
import dev.cuecard.coverage.SemanticCoverage;
import dev.cuecard.live.LiveSession;
import dev.cuecard.pipeline.ChannelInput;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.QuestionDetector;
import dev.cuecard.question.TemplateLibrary;
import dev.cuecard.session.debrief.FillerWords;
import dev.cuecard.question.UtteranceClassifier;
import dev.cuecard.testing.SpeechFixtures;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The coach on the two-channel fixture (scripts/make-coach-fixture.sh) through the real session
 * engine: what the candidate's channel heard, each tick with its latency (wall clock from the final
 * result that carried the words to the tick, and in candidate audio), the CPU time of the coach's
 * thread against the candidate's recognizer thread, and the "um"/"uh" heard against those spoken.
 * {@code --speed 1} (default) paces the files in real time, as live capture would; {@code --off}
 * runs without the coach (for the CPU comparison). Run with {@code bench/coach-bench.sh}.
 */
public final class CoachBenchmark {
    public static void main(String[] args) throws Exception {
        double speed = args.length > 1 && args[0].equals("--speed") ? parse(args[1]) : 1;
        boolean coach = !List.of(args).contains("--off");
        Path dir = Path.of(CoachBenchmark.class.getResource("/coach/me.wav").toURI()).getParent();
        SemanticCoverage coverage = SemanticCoverage.shipped(); // loaded before the clock starts, as the app preloads
        UtteranceClassifier classifier = new UtteranceClassifier(TemplateLibrary.shipped(), AsrVocabulary.shipped(),
                new QuestionDetector());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new ConcurrentHashMap<>();
        List<PipelineEvent> events = new CopyOnWriteArrayList<>();
        Map<PipelineEvent, Long> wallOf = new java.util.IdentityHashMap<>();
        LiveSession session = LiveSession.with(SpeechFixtures.model(), classifier)
                .inputs(List.of(new ChannelInput(Channel.THEM, new WavFileSource(dir.resolve("them.wav"), speed)),
                        new ChannelInput(Channel.ME, new WavFileSource(dir.resolve("me.wav"), speed))))
                .coach(coach).coachCoverage(() -> coverage)
                .listener(e -> {
                    long now = System.nanoTime();
                    synchronized (wallOf) {
                        events.add(e);
                        wallOf.put(e, now);
                    }
                    // CPU of the named threads, sampled as they run (they end with the session)
                    String name = Thread.currentThread().getName();
                    cpu.put(name, mx.getCurrentThreadCpuTime());
                }).start();
        Thread sampler = dev.cuecard.pipeline.NamedThreadFactory.thread("bench-cpu", () -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t.getName().startsWith("cuecard-coach")) {
                        long c = mx.getThreadCpuTime(t.getId());
                        if (c > 0) {
                            cpu.merge(t.getName(), c, Math::max);
                        }
                    }
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long t0 = System.nanoTime();
        session.awaitEnd();
        session.close();
        sampler.interrupt();
        sampler.join();
        double wallS = (System.nanoTime() - t0) / 1e9;

        for (PipelineEvent e : events) {
            String line = ReplayLine.of(e);
            if (line != null) {
                System.out.println(line);
            }
        }
        System.out.printf(Locale.ROOT, "%nwall %.1f s (speed %s, coach %s)%n", wallS, speed, coach ? "on" : "off");
        // each tick against the final result of the utterance it came from: before it (from a partial), or after it
        List<Long> after = new ArrayList<>();
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof PipelineEvent.Coverage c)) {
                continue;
            }
            long wc = wallOf.get(c);
            Long early = null;
            for (int j = i + 1; j < events.size() && early == null; j++) {
                if (events.get(j) instanceof PipelineEvent.Transcript t && t.channel() == Channel.ME && t.event().isFinal()
                        && t.event().startMs() <= c.atMs()) {
                    early = (wallOf.get(t) - wc) / 1_000_000;
                }
            }
            if (early != null) {
                before.add(early);
                continue;
            }
            for (int j = i - 1; j >= 0; j--) {
                if (events.get(j) instanceof PipelineEvent.Transcript t && t.channel() == Channel.ME && t.event().isFinal()) {
                    after.add((wc - wallOf.get(t)) / 1_000_000);
                    break;
                }
            }
        }
        System.out.printf(Locale.ROOT, "ticks %d: %d before their final result (from partials; lead %s ms), %d after it (final -> tick %s ms)%n",
                before.size() + after.size(), before.size(), before.stream().sorted().toList(), after.size(),
                after.stream().sorted().toList());
        cpu.entrySet().stream().filter(c -> c.getKey().startsWith("cuecard-coach") || c.getKey().startsWith("cuecard-pipeline"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(c -> System.out.printf(Locale.ROOT, "cpu %-24s %6.0f ms%n", c.getKey(), c.getValue() / 1e6));
        // fillers per answer: the debrief's word list on the script against the same list on what was heard
        List<String[]> rows = Files.readAllLines(dir.resolve("coach-fixture.tsv")).stream().filter(l -> !l.startsWith("#"))
                .map(l -> l.split("\t")).toList();
        int spokenAll = 0;
        int trueAll = 0;
        int falseAll = 0;
        for (int i = 0; i < rows.size(); i++) {
            long from = (long) (Double.parseDouble(rows.get(i)[1]) * 1000) - 500;
            long to = i + 1 < rows.size() ? (long) (Double.parseDouble(rows.get(i + 1)[1]) * 1000) - 500 : Long.MAX_VALUE;
            StringBuilder heardText = new StringBuilder();
            for (PipelineEvent e : events) {
                if (e instanceof PipelineEvent.Transcript t && t.channel() == Channel.ME && t.event().isFinal()
                        && t.event().startMs() >= from && t.event().startMs() < to) {
                    heardText.append(' ').append(t.event().text());
                }
            }
            int spoken = FillerWords.total(FillerWords.count(rows.get(i)[2]));
            int heard = FillerWords.total(FillerWords.count(heardText.toString()));
            spokenAll += spoken;
            trueAll += Math.min(spoken, heard);
            falseAll += Math.max(0, heard - spoken);
            System.out.printf(Locale.ROOT, "fillers %s: spoken %d, counted %d %s%n", rows.get(i)[0], spoken, heard,
                    FillerWords.count(heardText.toString()));
        }
        System.out.printf(Locale.ROOT, "filler recall %d/%d, false fillers %d (-Dcuecard.fillers=%s)%n", trueAll, spokenAll,
                falseAll, System.getProperty("cuecard.fillers", "true"));
    }

    private static double parse(String s) {
        return s.equals("max") ? Double.POSITIVE_INFINITY : Double.parseDouble(s);
    }

    /** The replay's text lines for what the benchmark shows. */
    static final class ReplayLine {
        static String of(PipelineEvent e) {
            if (e instanceof PipelineEvent.Transcript t && t.event().isFinal()) {
                return String.format(Locale.ROOT, "%-4s %6.1fs  %s", t.channel().id(), t.event().startMs() / 1000.0, t.event().text());
            }
            if (e instanceof PipelineEvent.Question q) {
                return String.format(Locale.ROOT, "them %6.1fs  ? %s [%s]", q.atMs() / 1000.0, q.question().text(),
                        q.question().classification().templateId());
            }
            if (e instanceof PipelineEvent.Coverage c) {
                return String.format(Locale.ROOT, "me   %6.1fs  ✓ q%d %s", c.atMs() / 1000.0, c.questionId(), c.point());
            }
            if (e instanceof PipelineEvent.AnswerEnd a) {
                return String.format(Locale.ROOT, "me   %6.1fs  answer q%d: %.1f s, %.0f wpm, %d fillers, follow-up: %s", a.atMs() / 1000.0,
                        a.questionId(), a.durationMs() / 1000.0, a.wordsPerMinute(), a.fillers(), a.likelyFollowUp().orElse("-"));
            }
            return null;
        }
    }
}
