package dev.cuecard.pipeline;

import dev.cuecard.audio.Channel;
import dev.cuecard.config.UserContext;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.HintSource;
import dev.cuecard.hint.llm.LlmConfig;
import dev.cuecard.hint.llm.LlmHintEngine;
import dev.cuecard.question.Category;
import dev.cuecard.question.Classification;
import dev.cuecard.question.DetectedQuestion;
import dev.cuecard.testing.FakeOpenAiServer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Our overhead around an LLM draft, against the local fake server with a fixed 300 ms time to
 * first token: question event → first hint_update and → complete hint, minus the server's own
 * waiting; and memory allocated per request by our side. Run with bench/llm-bench.sh.
 */
public final class LlmHintBenchmark {
    static final String REPLY = "{\"title\":\"Cache-aside for reads\",\"gist\":\"Put a cache-aside Redis layer in front "
            + "of the database and invalidate on write.\",\"structure\":[\"Clarify read/write ratio\",\"Cache-aside "
            + "with TTL\",\"Invalidate on write\",\"Measure hit rate\"],\"keyPoints\":[\"Stale reads vs TTL\","
            + "\"Thundering herd\"],\"numbers\":[\"Hit rate above 90 percent\"],\"pitfalls\":[\"Caching without "
            + "invalidation\"],\"followUps\":[\"How do you handle a cold cache?\"]}";

    public static void main(String[] args) throws Exception {
        int warmup = 20;
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        try (FakeOpenAiServer server = new FakeOpenAiServer(
                FakeOpenAiServer.hintStream(REPLY, 12, Duration.ofMillis(300), Duration.ZERO))) {
            LlmHintEngine engine = new LlmHintEngine(LlmConfig.of(server.baseUrl(), "bench", "sk-bench",
                    Duration.ofSeconds(5), 0), UserContext.empty(),
                    Executors.newCachedThreadPool(new NamedThreadFactory("llm-http")));
            HintDrafting drafting = new HintDrafting(engine);
            List<Double> toFirst = new ArrayList<>();
            List<Double> firstOverhead = new ArrayList<>();
            List<Double> toComplete = new ArrayList<>();
            List<Double> completeOverhead = new ArrayList<>();
            List<Long> allocated = new ArrayList<>();
            for (int i = 0; i < warmup + runs; i++) {
                long[] firstUpdate = {0};
                long[] complete = {0};
                CountDownLatch done = new CountDownLatch(1);
                LatePublisher out = (channel, make) -> {
                    PipelineEvent e = make.apply(0);
                    if (e instanceof PipelineEvent.HintUpdate u) {
                        if (firstUpdate[0] == 0) {
                            firstUpdate[0] = System.nanoTime();
                        }
                        if (u.complete()) {
                            complete[0] = System.nanoTime();
                            done.countDown();
                        }
                    } else if (e instanceof PipelineEvent.LlmStatus) {
                        done.countDown();
                    }
                };
                long allocBefore = allocatedByUs();
                long question = System.nanoTime();
                drafting.onQuestion(question(i), template(), out);
                if (!done.await(10, TimeUnit.SECONDS) || complete[0] == 0) {
                    throw new IllegalStateException("draft " + i + " did not complete");
                }
                long alloc = allocatedByUs() - allocBefore;
                long request = server.received().get(i).atNanos();
                long[] tokens = server.tokenTimes().get(i);
                if (i >= warmup) {
                    toFirst.add(ms(firstUpdate[0] - question));
                    // ours = question → request on the server, plus first token written → hint_update out
                    firstOverhead.add(ms(request - question) + ms(firstUpdate[0] - tokens[0]));
                    toComplete.add(ms(complete[0] - question));
                    completeOverhead.add(ms(request - question) + ms(complete[0] - tokens[1]));
                    allocated.add(alloc);
                }
            }
            drafting.close();
            System.out.printf(Locale.ROOT, "runs: %d (after %d warm-up), server: 300 ms to first token, %d chunks%n",
                    runs, warmup, (REPLY.length() + 11) / 12);
            System.out.printf(Locale.ROOT, "question -> first hint_update: median %.1f ms, p90 %.1f ms%n",
                    median(toFirst), p90(toFirst));
            System.out.printf(Locale.ROOT, "  our overhead (minus the server's 300 ms): median %.1f ms, p90 %.1f ms%n",
                    median(firstOverhead), p90(firstOverhead));
            System.out.printf(Locale.ROOT, "question -> complete hint: median %.1f ms, p90 %.1f ms%n",
                    median(toComplete), p90(toComplete));
            System.out.printf(Locale.ROOT, "  our overhead (minus the server's time): median %.1f ms, p90 %.1f ms%n",
                    median(completeOverhead), p90(completeOverhead));
            System.out.printf(Locale.ROOT, "allocated per request (our threads): median %.0f KB%n",
                    allocated.stream().sorted().toList().get(allocated.size() / 2) / 1024.0);
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.out.printf(Locale.ROOT, "heap in use after %d requests and a GC: %.1f MB%n", warmup + runs,
                    (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
        }
    }

    private static DetectedQuestion question(int i) {
        String text = "how would you add a cache in front of a slow database " + i;
        return new DetectedQuestion(i + 1, Channel.THEM, new Classification(text, true, Category.CACHING,
                Optional.empty(), 0.9, 1.0), 0, 0, false, false);
    }

    private static Optional<Hint> template() {
        return Optional.of(new Hint("q", Category.CACHING, "caching-strategy", HintSource.TEMPLATE, "Caching strategy",
                "Template gist", List.of("Clarify", "Pattern", "Invalidate"), List.of("TTL"), List.of(), List.of(),
                List.of()));
    }

    /** Bytes allocated by every live thread except the fake server's. */
    private static long allocatedByUs() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && !info.getThreadName().startsWith("cuecard-fake-llm")) {
                sum += Math.max(0, mx.getThreadAllocatedBytes(info.getThreadId()));
            }
        }
        return sum;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a[a.length / 2];
    }

    private static double p90(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a[(int) Math.min(a.length - 1, Math.round(a.length * 0.9))];
    }
}
