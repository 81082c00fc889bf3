package dev.cuecard.pipeline;

import dev.cuecard.asr.ModelException;
import dev.cuecard.asr.SpeechModel;
import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.asr.Word;
import dev.cuecard.audio.AudioSourceException;
import dev.cuecard.audio.Channel;
import dev.cuecard.audio.WavFileSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures recognition over one recording: real-time factor (unpaced run), resident memory, and
 * the partial-result lag (paced run): for every word of every final result, how long after the
 * word ends in the audio it first appeared in a partial result.
 */
public final class AsrBenchmark {

    /** What one benchmark run measured. */
    public record Result(double audioSeconds, long modelLoadMs, double decodeSeconds, double realTimeFactor,
                         long rssBeforeModelMb, long rssAfterModelMb, long rssPeakMb,
                         int words, List<Long> partialLagsMs, String transcript) {

        public long lagPercentile(double p) {
            if (partialLagsMs.isEmpty()) {
                return -1;
            }
            List<Long> sorted = partialLagsMs.stream().sorted().toList();
            int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
        }
    }

    private AsrBenchmark() {
    }

    /**
     * @param paced when true also runs a real-time paced replay for the partial lag
     */
    public static Result run(Path wav, Path modelDir, boolean paced) throws ModelException, AudioSourceException,
            InterruptedException {
        long rssBefore = ProcessMemory.residentBytes();
        long loadStart = System.nanoTime();
        try (SpeechModel model = SpeechModel.load(modelDir, new NamedThreadFactory("speech-model"))) {
            long modelLoadMs = (System.nanoTime() - loadStart) / 1_000_000;
            long rssModel = ProcessMemory.residentBytes();
            AtomicLong peak = new AtomicLong(rssModel);
            Thread sampler = NamedThreadFactory.thread("bench-rss", () -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(ProcessMemory.residentBytes(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();

            // 1. as fast as possible: real-time factor
            List<TranscriptEvent> finals = new ArrayList<>();
            AtomicLong audioMs = new AtomicLong();
            long t0 = System.nanoTime();
            runPipeline(model, new WavFileSource(wav, Double.POSITIVE_INFINITY), e -> {
                if (e instanceof PipelineEvent.Transcript t && t.event().isFinal()) {
                    finals.add(t.event());
                }
                if (e instanceof PipelineEvent.Level l) {
                    audioMs.set(l.atMs());
                }
            });
            double decodeSeconds = (System.nanoTime() - t0) / 1e9;
            double audioSeconds = audioMs.get() / 1000.0;

            // 2. paced in real time: when does each word show up in a partial?
            List<Long> lags = paced ? partialLags(model, wav) : List.of();
            sampler.interrupt();
            sampler.join();
            int words = finals.stream().mapToInt(f -> f.words().size()).sum();
            String transcript = String.join(" ", finals.stream().map(TranscriptEvent::text).toList());
            return new Result(audioSeconds, modelLoadMs, decodeSeconds, decodeSeconds / audioSeconds,
                    mb(rssBefore), mb(rssModel), mb(peak.get()), words, lags, transcript);
        }
    }

    private static List<Long> partialLags(SpeechModel model, Path wav) throws AudioSourceException,
            ModelException, InterruptedException {
        // per utterance: the first wall-clock time each word position appeared with this text
        Map<String, Long> firstSeen = new ConcurrentHashMap<>();
        List<Long> lags = new ArrayList<>();
        long[] start = {-1};
        int[] utterance = {0};
        runPipeline(model, new WavFileSource(wav, 1.0), e -> {
            if (e instanceof PipelineEvent.Level && start[0] < 0) {
                // the first chunk is released ~100 ms after the replay clock starts
                start[0] = System.nanoTime() - 100_000_000L;
            }
            if (!(e instanceof PipelineEvent.Transcript t)) {
                return;
            }
            long nowMs = (System.nanoTime() - start[0]) / 1_000_000;
            TranscriptEvent ev = t.event();
            String[] tokens = ev.text().split(" ");
            for (int i = 0; i < tokens.length; i++) {
                firstSeen.putIfAbsent(utterance[0] + ":" + i + ":" + tokens[i], nowMs);
            }
            if (ev.isFinal()) {
                List<Word> words = ev.words();
                for (int i = 0; i < words.size(); i++) {
                    Long seen = firstSeen.get(utterance[0] + ":" + i + ":" + words.get(i).text());
                    lags.add((seen == null ? nowMs : seen) - words.get(i).endMs());
                }
                utterance[0]++;
            }
        });
        return lags;
    }

    private static void runPipeline(SpeechModel model, WavFileSource source,
                                    PipelineListener listener)
            throws ModelException, InterruptedException {
        Pipeline pipeline = new Pipeline(Pipeline.RecognizerFactory.vosk(model), new NamedThreadFactory("bench"));
        pipeline.addListener(listener);
        pipeline.addChannel(new ChannelInput(Channel.THEM, source));
        pipeline.start();
        pipeline.awaitEnd();
    }

    private static long mb(long bytes) {
        return bytes < 0 ? -1 : Math.round(bytes / (1024.0 * 1024.0));
    }

    public static String format(Result r) {
        return String.format(Locale.ROOT, """
                audio                %.1f s, %d words recognised
                model load           %d ms
                decode (unpaced)     %.2f s  -> real-time factor %.3f
                RSS                  %d MB before model, %d MB with model, %d MB peak while recognising
                partial lag (paced)  median %d ms, p90 %d ms over %d words""",
                r.audioSeconds(), r.words(), r.modelLoadMs(), r.decodeSeconds(), r.realTimeFactor(),
                r.rssBeforeModelMb(), r.rssAfterModelMb(), r.rssPeakMb(),
                r.lagPercentile(50), r.lagPercentile(90), r.partialLagsMs().size());
    }
}
