package dev.cuecard.session;

import dev.cuecard.asr.TranscriptEvent;
import dev.cuecard.asr.TranscriptKind;
import dev.cuecard.audio.Channel;
import dev.cuecard.hint.Hint;
import dev.cuecard.hint.HintSource;
import dev.cuecard.pipeline.PipelineEvent;
import dev.cuecard.question.Category;
import dev.cuecard.question.Classification;
import dev.cuecard.question.DetectedQuestion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Session storage figures: how fast the recorder commits during a session, and full-text search
 * latency over a large generated history (sessions × utterances of interview-like text).
 */
public final class SessionBenchmark {
    private static final String[] COMMON = ("the a and to of we i it that is in for you so this on with be would "
            + "have they but not are what if at do as from can about one just then there when our like all which "
            + "will more out how into because also some time them first make use need get way data think each "
            + "other after request user service system team read write call value key").split(" ");
    private static final String[] TECH = ("cache database index shard replica queue kafka consumer producer latency "
            + "throughput partition leader follower consensus raft paxos lock mutex thread pool timeout retry backoff "
            + "idempotent transaction isolation snapshot deadlock postgres redis eviction ttl invalidation load "
            + "balancer gateway api rest grpc schema migration rollback canary deploy kubernetes container metric "
            + "alert dashboard tracing log incident postmortem rate limiter token bucket window quorum write ahead "
            + "compaction bloom filter hash ring consistent hashing sharding denormalize join query plan btree lsm "
            + "memtable sstable checkpoint vacuum websocket polling push notification fanout feed timeline search "
            + "ranking embedding vector batch stream window watermark exactly once at least once dedupe outbox saga "
            + "circuit breaker bulkhead fallback heap garbage collector jit virtual memory page fault cpu cores").split(" ");

    private SessionBenchmark() {
    }

    /** Words of a Zipf-like vocabulary: common words, technical terms, then a long tail of rare ones. */
    static final class Vocabulary {
        private final String[] words;
        private final double[] cumulative;

        Vocabulary(int rare, Random random) {
            List<String> all = new ArrayList<>(Arrays.asList(COMMON));
            all.addAll(Arrays.asList(TECH));
            String[] syllables = {"ka", "lo", "mi", "ter", "zan", "bro", "ve", "qui", "dor", "pel", "su", "rin", "tho",
                    "gam", "ex", "ul"};
            while (all.size() < COMMON.length + TECH.length + rare) {
                StringBuilder w = new StringBuilder();
                for (int s = 0, n = 2 + random.nextInt(3); s < n; s++) {
                    w.append(syllables[random.nextInt(syllables.length)]);
                }
                all.add(w.toString());
            }
            words = all.toArray(String[]::new);
            cumulative = new double[words.length];
            double sum = 0;
            for (int i = 0; i < words.length; i++) {
                sum += 1.0 / Math.pow(i + 1, 1.05);
                cumulative[i] = sum;
            }
            for (int i = 0; i < words.length; i++) {
                cumulative[i] /= sum;
            }
        }

        String next(Random random) {
            int i = Arrays.binarySearch(cumulative, random.nextDouble());
            return words[Math.min(words.length - 1, i < 0 ? -i - 1 : i)];
        }

        String sentence(Random random, int n) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                b.append(i == 0 ? "" : " ").append(next(random));
            }
            return b.toString();
        }

        String rank(int i) {
            return words[i];
        }

        int size() {
            return words.length;
        }
    }

    public static String run(Path dbFile, int sessions, int utterancesPerSession, int queries, long seed)
            throws IOException, InterruptedException {
        StringBuilder report = new StringBuilder();
        Random random = new Random(seed);
        Vocabulary vocabulary = new Vocabulary(20_000, random);
        Files.deleteIfExists(dbFile);
        try (SessionStore store = SessionStore.open(dbFile)) {
            report.append(recorder(store, vocabulary, random));
            report.append(fill(store, vocabulary, random, sessions, utterancesPerSession, dbFile));
            report.append(search(store, vocabulary, random, queries));
        }
        return report.toString();
    }

    /** The recorder as a session uses it: each final committed (synced) on its own, then a burst. */
    private static String recorder(SessionStore store, Vocabulary v, Random random) throws InterruptedException {
        long[] commit = new long[300];
        try (SessionRecorder r = SessionRecorder.start(store, new SessionInfo(SessionKind.DEMO, "bench", null, null, null,
                null))) {
            for (int i = 0; i < commit.length; i++) {
                long t0 = System.nanoTime();
                r.onEvent(finalEvent(i % 2 == 0 ? Channel.THEM : Channel.ME, i * 5000L, v.sentence(random, 12)));
                r.flush();
                commit[i] = System.nanoTime() - t0;
            }
        }
        int burst = 20_000;
        List<PipelineEvent> events = new ArrayList<>(burst);
        for (int i = 0; i < burst; i++) {
            events.add(finalEvent(i % 2 == 0 ? Channel.THEM : Channel.ME, i * 3000L, v.sentence(random, 12)));
            if (i % 20 == 0) {
                DetectedQuestion q = new DetectedQuestion(i / 20 + 1, Channel.THEM, new Classification("question " + i,
                        true, Category.CACHING, Optional.empty(), 0.8, 1), i * 3000L, i * 3000L, false, false);
                events.add(new PipelineEvent.Question(q));
                events.add(new PipelineEvent.HintReady(q.id(), hint(v, random), Channel.THEM, i * 3000L + 10));
            }
        }
        long t0 = System.nanoTime();
        try (SessionRecorder r = SessionRecorder.start(store, new SessionInfo(SessionKind.DEMO, "bench burst", null, null,
                null, null))) {
            events.forEach(r::onEvent);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return String.format(Locale.ROOT, "recorder, one utterance at a time (enqueue → committed and synced): "
                        + "p50 %.2f ms, p95 %.2f ms, max %.2f ms over %d%n"
                        + "recorder, burst of %d events (%d utterances + questions + hints) enqueued at once: %.1f s, "
                        + "%.0f events/s%n", ms(percentile(commit, 50)), ms(percentile(commit, 95)),
                ms(percentile(commit, 100)), commit.length, events.size(), burst, seconds, events.size() / seconds);
    }

    private static String fill(SessionStore store, Vocabulary v, Random random, int sessions, int perSession, Path file)
            throws IOException {
        long t0 = System.nanoTime();
        for (int s = 0; s < sessions; s++) {
            long id = store.startSession(new SessionInfo(SessionKind.REPLAY, "generated " + s, null, null, null, null));
            store.transaction(() -> {
                for (int u = 0; u < perSession; u++) {
                    store.appendUtterance(id, new Utterance(u % 2 == 0 ? Channel.THEM : Channel.ME, u * 4000L,
                            u * 4000L + 3500, v.sentence(random, 6 + random.nextInt(14))));
                }
                for (int q = 1; q <= 10; q++) {
                    store.recordQuestion(id, new DetectedQuestion(q, Channel.THEM, new Classification("question " + q, true,
                            Category.SYSTEM_DESIGN, Optional.empty(), 0.7, 1), q * 90_000L, q * 90_000L, false, false),
                            q * 90_000L - 3000);
                    store.recordHint(id, q, hint(v, random), q * 90_000L + 10);
                }
            });
            store.finishSession(id);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long bytes = Files.size(file);
        return String.format(Locale.ROOT, "generated %d sessions × %d utterances (+10 questions and hints each) in "
                + "%.0f s (%.0f utterances/s, one transaction per session); database %.0f MB%n", sessions, perSession,
                seconds, sessions * (double) perSession / seconds, bytes / 1e6);
    }

    private static String search(SessionStore store, Vocabulary v, Random random, int queries) {
        List<String> qs = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            qs.add(switch (i % 4) {
                case 0 -> v.rank(random.nextInt(60));                                     // very common word
                case 1 -> v.rank(COMMON.length + random.nextInt(TECH.length));           // technical term
                case 2 -> v.rank(COMMON.length + random.nextInt(TECH.length)) + " "
                        + v.rank(COMMON.length + random.nextInt(TECH.length));            // two terms
                default -> v.rank(COMMON.length + TECH.length + random.nextInt(v.size() - COMMON.length - TECH.length));
            });
        }
        for (int i = 0; i < 20; i++) {
            store.search(qs.get(i), OptionalLong.empty(), 50); // warm the page cache
        }
        long[] all = new long[queries];
        long[] one = new long[queries];
        long hits = 0;
        long lastSession = store.list().get(0).id();
        for (int i = 0; i < queries; i++) {
            long t0 = System.nanoTime();
            hits += store.search(qs.get(i), OptionalLong.empty(), 50).size();
            all[i] = System.nanoTime() - t0;
            t0 = System.nanoTime();
            store.search(qs.get(i), OptionalLong.of(lastSession - random.nextInt(100)), 100);
            one[i] = System.nanoTime() - t0;
        }
        long[] list = new long[5];
        for (int i = 0; i < list.length; i++) {
            long t0 = System.nanoTime();
            store.list();
            list[i] = System.nanoTime() - t0;
        }
        long[] load = new long[20];
        for (int i = 0; i < load.length; i++) {
            long t0 = System.nanoTime();
            store.load(lastSession - random.nextInt(500));
            load[i] = System.nanoTime() - t0;
        }
        return String.format(Locale.ROOT, "search across all sessions (top 50, newest first), %d queries: p50 %.1f ms, "
                        + "p95 %.1f ms, max %.1f ms (%.1f hits on average)%n"
                        + "search within one session (the debrief window's box): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n"
                        + "debrief list of all sessions: median %.0f ms; loading one session: median %.1f ms%n",
                queries, ms(percentile(all, 50)), ms(percentile(all, 95)), ms(percentile(all, 100)),
                hits / (double) queries, ms(percentile(one, 50)), ms(percentile(one, 95)), ms(percentile(one, 100)),
                ms(percentile(list, 50)), ms(percentile(load, 50)));
    }

    private static Hint hint(Vocabulary v, Random random) {
        return new Hint("question", Category.SYSTEM_DESIGN, null, HintSource.TEMPLATE, v.sentence(random, 4),
                v.sentence(random, 12), List.of(v.sentence(random, 6)), List.of(v.sentence(random, 8),
                v.sentence(random, 8)), List.of(), List.of(), List.of());
    }

    private static PipelineEvent finalEvent(Channel c, long startMs, String text) {
        return new PipelineEvent.Transcript(new TranscriptEvent(c, TranscriptKind.FINAL, text, startMs, startMs + 3000,
                startMs + 3500, List.of()));
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
