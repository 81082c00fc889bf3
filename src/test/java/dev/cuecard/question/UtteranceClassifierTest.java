package dev.cuecard.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UtteranceClassifierTest {
    private static final List<String> TEXTS = List.of("how would you design a rate limiter",
            "tell me about a time you disagreed with your manager", "can you hear me okay",
            "what is the difference between a mutex and a semaphore");

    @Test
    void aClassifierBuiltInTheBackgroundWaitsUntilReadyAndThenReadsAsOneBuiltAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "test-classifier-build");
            t.setDaemon(true);
            return t;
        });
        try {
            UtteranceClassifier background = UtteranceClassifier.building(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return TemplateLibrary.shipped();
            }, Optional.empty(), executor);
            assertThat(background.ready()).as("not before its library loaded").isNotDone();
            release.countDown();
            assertThat(background.ready().get(60, TimeUnit.SECONDS)).isSameAs(background);
            assertThat(background.modelOrigin()).isEqualTo(UtteranceClassifier.ModelOrigin.BUILT_IN);

            UtteranceClassifier atOnce = UtteranceClassifier.shipped();
            for (String text : TEXTS) {
                assertThat(background.classify(text)).as(text).isEqualTo(atOnce.classify(text));
            }
            assertThat(background.library().all()).hasSameSizeAs(atOnce.library().all());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aFailedBackgroundBuildIsRethrownToWhoeverReads() {
        UtteranceClassifier broken = UtteranceClassifier.building(() -> {
            throw new IllegalStateException("templates folder unreadable");
        }, Optional.empty(), Runnable::run);
        assertThat(broken.ready()).isCompletedExceptionally();
        assertThatThrownBy(() -> broken.classify("how would you design a rate limiter"))
                .isInstanceOf(IllegalStateException.class).hasMessage("templates folder unreadable");
    }

    @Test
    void aFinalIsReadWithTheRecognisersOtherReadingsOfTheSameAudio() {
        UtteranceClassifier classifier = UtteranceClassifier.shipped();
        String misheard = "how would you can search results that depend on a lot of filters";
        String heardRight = "how would you cash search results that depend on a lot of filters";
        Classification alone = classifier.confirm(misheard, List.of());
        assertThat(classifier.confirm(misheard, List.of(), List.of())).isEqualTo(alone);

        Classification withOthers = classifier.confirm(misheard, List.of(heardRight, misheard + " now"), List.of());
        Classification right = classifier.confirm(heardRight, List.of());
        assertThat(right.category()).isEqualTo(Category.CACHING);
        assertThat(right.confidence()).as("one confident reading").isGreaterThan(0.7);
        assertThat(alone.category()).as("the first reading alone is unsure or elsewhere")
                .satisfiesAnyOf(c -> assertThat(c).isNotEqualTo(Category.CACHING),
                        c -> assertThat(alone.confidence()).isLessThan(0.5));
        assertThat(withOthers.category()).isEqualTo(Category.CACHING);
        assertThat(withOthers.text()).as("the card keeps the reading that decided it").isEqualTo(heardRight);
    }

    @Test
    void aSpottedTermDecidesAFinalOnlyWhenTheReadingWithItIsClearlySurer() {
        UtteranceClassifier classifier = UtteranceClassifier.shipped();
        // the spotter heard "kafka" where the transcript says "cough co": the term makes the reading
        String misheard = "how do you use cough co for this";
        assertThat(classifier.confirm(misheard, List.of()).category()).as("precondition")
                .isNotEqualTo(Category.DISTRIBUTED_SYSTEMS);
        assertThat(classifier.confirm(misheard, List.of(), List.of("kafka")).category())
                .isEqualTo(Category.DISTRIBUTED_SYSTEMS);

        // a grammar of technical phrases also hears them in ordinary words: terms that make the reading
        // less sure leave the card to the heard words
        String heard = "two leads asked you for urgent work on the same day how did you pick which came first";
        List<String> spurious = List.of("origin", "worst case");
        Classification words = classifier.confirm(heard, List.of());
        Classification withTerms = classifier.confirm(heard, spurious);
        assertThat(withTerms.confidence()).as("precondition").isLessThan(words.confidence());
        assertThat(classifier.confirm(heard, List.of(), spurious)).isEqualTo(words);
    }

    @Test
    void unsureOtherReadingsDoNotOutvoteAConfidentFirstOne() {
        UtteranceClassifier classifier = UtteranceClassifier.shipped();
        String first = "what is the difference between a mutex and a semaphore";
        List<String> others = List.of("what is the difference between a music and a seminar",
                "what is the difference between a new text and a semester in school");
        Classification alone = classifier.confirm(first, List.of());
        for (String other : others) {
            Classification o = classifier.confirm(other, List.of());
            assertThat(o.category()).as(other).isNotEqualTo(alone.category());
            assertThat(o.confidence()).as(other).isLessThan(alone.confidence() - 0.2);
        }
        Classification withOthers = classifier.confirm(first, others, List.of());
        assertThat(withOthers).isEqualTo(alone);
    }

    @Test
    void theCandidatesOwnExperienceIsBehavioralWhateverItsTechnicalSubject() {
        UtteranceClassifier classifier = UtteranceClassifier.shipped();
        for (String text : List.of(
                "tell me about a time the redis cluster you ran evicted hot keys and latency spiked",
                "tell me about that time you had to shard a postgres table under load", // as the recogniser hears "a time"
                "describe a time when you found a deadlock between two thread pools in production")) {
            Classification c = classifier.classify(text);
            assertThat(c.category()).as(text).isEqualTo(Category.BEHAVIORAL);
            assertThat(c.isQuestion()).as(text).isTrue();
        }
    }

    @Test
    void twoWordsAreAQuestionOnlyAsADirectiveAboutSomething() {
        UtteranceClassifier c = UtteranceClassifier.shipped();
        assertThat(c.confirm("Design Dropbox.", List.of())).satisfies(r -> {
            assertThat(r.isQuestion()).isTrue();
            assertThat(r.category()).isEqualTo(Category.SYSTEM_DESIGN);
        });
        assertThat(c.confirm("explain sharding", List.of()).isQuestion()).isTrue();
        for (String aside : List.of("explain that", "design question", "design a", "explain how", "sounds good", "got it",
                "read repair")) {
            assertThat(c.confirm(aside, List.of()).isQuestion()).as(aside).isFalse();
        }
    }
}
