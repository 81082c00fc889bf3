package dev.cuecard.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuecard.question.AsrVocabulary;
import dev.cuecard.question.SentenceEmbedder;
import dev.cuecard.question.TextNormalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many answers at once: the same coverage as one by one, side by side, and not measured twice. */
class CoverAllTest {
    @TempDir
    Path dir;

    /** Bag of hashed words, normalised: texts sharing words get a high cosine. Counts its calls and threads. */
    static class BagOfWords implements SentenceEmbedder {
        final AtomicInteger calls = new AtomicInteger();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        private final String id;

        BagOfWords(String id) {
            this.id = id;
        }

        @Override
        public float[] embed(String text) {
            calls.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            float[] v = new float[DIMENSIONS];
            for (String w : TextNormalizer.words(TextNormalizer.normalize(text))) {
                v[Math.floorMod(w.hashCode(), DIMENSIONS)] += 1;
                v[Math.floorMod(w.hashCode() * 31 + 7, DIMENSIONS)] += 0.5f;
            }
            double n = 0;
            for (float x : v) {
                n += x * x;
            }
            for (int i = 0; i < v.length && n > 0; i++) {
                v[i] /= (float) Math.sqrt(n);
            }
            return v;
        }

        @Override
        public String modelId() {
            return id;
        }
    }

    static final List<String> POINTS = List.of("TTL jitter so keys do not expire together",
            "A short lock so only one request rebuilds the value", "Serve stale data during the rebuild",
            "Circuit breaker in front of the database");

    static List<SemanticCoverage.Job> jobs() {
        String[] answers = {
            "i add jitter to the ttl so keys loaded together do not expire together and only one request takes a lock",
            "um it is when the cache gets overloaded so you need a bigger cache",
            "",
            "serve the stale value while one request rebuilds it and a circuit breaker protects the database from load",
            "a lock with a short expiry so a crashed loader does not block everyone else forever and that is it",
            "you know basically more servers",
        };
        List<SemanticCoverage.Job> out = new ArrayList<>();
        for (String a : answers) {
            out.add(new SemanticCoverage.Job(POINTS, a));
        }
        out.add(new SemanticCoverage.Job(List.of(), "nothing to check"));
        return out;
    }

    private SemanticCoverage coverage(SentenceEmbedder e, Path kept) {
        return new SemanticCoverage(e, AsrVocabulary.empty(), SemanticCoverage.Params.DEFAULT, kept);
    }

    private static List<List<PointCoverage>> oneByOne(SemanticCoverage c) {
        return jobs().stream().map(j -> c.cover(j.points(), j.answer())).toList();
    }

    @Test
    void allAtOnceIsExactlyOneByOne() {
        List<List<PointCoverage>> expected = oneByOne(coverage(new BagOfWords("bag-1"), null));
        assertThat(expected.stream().flatMap(List::stream).filter(PointCoverage::covered)).isNotEmpty();
        assertThat(expected.stream().flatMap(List::stream).filter(p -> !p.covered())).isNotEmpty();
        BagOfWords e = new BagOfWords("bag-1");
        assertThat(coverage(e, dir).coverAll(jobs(), 3)).isEqualTo(expected);
        assertThat(e.threads).as("the answers were rated side by side").hasSizeGreaterThan(1)
                .allMatch(t -> t.startsWith("cuecard-coverage-"));
    }

    @Test
    void theSameAnswersAgainAreNotEmbeddedAgain() {
        List<List<PointCoverage>> first = coverage(new BagOfWords("bag-1"), dir).coverAll(jobs(), 2);
        BagOfWords again = new BagOfWords("bag-1");
        // a new instance, as a new process: nothing in memory
        assertThat(coverage(again, dir).coverAll(jobs(), 2)).isEqualTo(first);
        assertThat(again.calls).hasValue(0);

        // another model, or another answer, is measured anew
        BagOfWords other = new BagOfWords("bag-2");
        assertThat(coverage(other, dir).coverAll(jobs(), 2)).isEqualTo(first);
        assertThat(other.calls.get()).isPositive();
        List<SemanticCoverage.Job> changed = new ArrayList<>(jobs());
        changed.set(1, new SemanticCoverage.Job(POINTS, "a circuit breaker protects the database"));
        BagOfWords third = new BagOfWords("bag-1");
        List<List<PointCoverage>> changedResult = coverage(third, dir).coverAll(changed, 2);
        assertThat(third.calls.get()).isPositive();
        assertThat(changedResult.get(1)).isNotEqualTo(first.get(1));
        assertThat(changedResult.get(1)).isEqualTo(coverage(new BagOfWords("x"), null)
                .cover(POINTS, "a circuit breaker protects the database"));
    }

    /**
     * A session deleted while its debrief is being judged (the window's lane, or 'debrief show' in another
     * process): the measurement finishing after the delete kept its numbers, so the deleted session left them
     * behind in the cache folder.
     */
    @Test
    void aMeasurementOverlappingADeleteKeepsNothing() throws Exception {
        Path kept = dir.resolve("coverage");
        BagOfWords deletedMeanwhile = new BagOfWords("bag-1") {
            @Override
            public float[] embed(String text) {
                if (calls.get() == 0) {
                    CoverageKeep.forgetAll(kept); // 'debrief delete' while this session is being judged
                }
                return super.embed(text);
            }
        };
        List<List<PointCoverage>> judged = coverage(deletedMeanwhile, kept).coverAll(jobs(), 2);
        try (var files = Files.list(kept)) {
            assertThat(files.filter(p -> p.toString().endsWith(".bin"))).isEmpty();
        }
        // a measurement after the delete is kept as before
        assertThat(coverage(new BagOfWords("bag-1"), kept).coverAll(jobs(), 2)).isEqualTo(judged);
        BagOfWords again = new BagOfWords("bag-1");
        assertThat(coverage(again, kept).coverAll(jobs(), 2)).isEqualTo(judged);
        assertThat(again.calls).hasValue(0);
    }

    @Test
    void aDamagedOrForeignFileIsMeasuredAgain() throws Exception {
        List<List<PointCoverage>> first = coverage(new BagOfWords("bag-1"), dir).coverAll(jobs(), 1);
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.write(p, new byte[] {1, 2, 3});
            }
        }
        BagOfWords again = new BagOfWords("bag-1");
        assertThat(coverage(again, dir).coverAll(jobs(), 1)).isEqualTo(first);
        assertThat(again.calls.get()).isPositive();
    }

    @Test
    void nothingIsKeptForAnEmbedderWithoutAnIdNorWithoutAFolder() throws Exception {
        coverage(new BagOfWords(""), dir).coverAll(jobs(), 2);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        SemanticCoverage words = SemanticCoverage.lexical(AsrVocabulary.empty());
        assertThat(words.coverAll(jobs(), 2)).isEqualTo(oneByOne(words));
    }

    @Test
    void answersAreMeasuredConcurrently() {
        // both threads must be inside the model at once to get past the latch: one at a time never is
        CountDownLatch both = new CountDownLatch(2);
        SentenceEmbedder meeting = new BagOfWords("") {
            @Override
            public float[] embed(String text) {
                both.countDown();
                try {
                    if (!both.await(30, TimeUnit.SECONDS)) {
                        throw new AssertionError("the answers were measured one at a time");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.embed(text);
            }
        };
        List<SemanticCoverage.Job> two = List.of(new SemanticCoverage.Job(List.of("alpha beta"), "alpha beta gamma"),
                new SemanticCoverage.Job(List.of("delta"), "delta epsilon"));
        SemanticCoverage c = new SemanticCoverage(meeting, AsrVocabulary.empty(), SemanticCoverage.Params.DEFAULT, null);
        assertThat(c.coverAll(two, 2)).hasSize(2);
    }
}
